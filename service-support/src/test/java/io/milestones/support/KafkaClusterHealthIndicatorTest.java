package io.milestones.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.testing.KafkaBrokerExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

class KafkaClusterHealthIndicatorTest {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @Test
    void shouldBeUpWithClusterDetailsWhenTheBrokerAnswers() {
        try (var indicator =
                new KafkaClusterHealthIndicator(
                        new KafkaAdmin(Map.of("bootstrap.servers", kafka.bootstrapServers())))) {
            var health = indicator.health(true);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
        }
    }

    @Test
    void shouldBeDownWhenNothingListens() {
        try (var indicator =
                new KafkaClusterHealthIndicator(
                        new KafkaAdmin(Map.of("bootstrap.servers", "localhost:1")))) {
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
