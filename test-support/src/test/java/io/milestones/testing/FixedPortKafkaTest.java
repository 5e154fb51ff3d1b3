package io.milestones.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixedPortKafkaTest {

    @TempDir Path data;

    @Test
    void shouldListenOnTheGivenPortAndKeepTopicsAcrossARestart() throws Exception {
        int port = FixedPortKafka.freePort();
        try (var kafka = FixedPortKafka.start(port, data, 1);
                var admin = admin(kafka)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
            admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
        }

        try (var kafka = FixedPortKafka.start(port, data, 1);
                var admin = admin(kafka)) {
            assertThat(admin.listTopics().names().get()).contains("kept");
        }
    }

    private static Admin admin(KafkaBroker kafka) {
        return Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
