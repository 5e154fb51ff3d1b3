package io.milestones.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The Testcontainers path; skipped cleanly where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerBrokerTest {

    @Test
    void shouldStartAnApacheKafkaContainer() throws Exception {
        try (KafkaBroker broker = ContainerBroker.start();
                Admin admin =
                        Admin.create(
                                Map.of(
                                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        broker.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }
}
