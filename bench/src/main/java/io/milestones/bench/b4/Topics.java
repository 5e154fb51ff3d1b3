package io.milestones.bench.b4;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the benchmark's topics through the admin client. */
final class Topics implements AutoCloseable {

    private final Admin admin;

    Topics(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    void create(int partitions, String... names) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing =
                List.of(names).stream()
                        .filter(n -> !existing.contains(n))
                        .map(n -> new NewTopic(n, partitions, (short) 1))
                        .toList();
        admin.createTopics(missing).all().get();
    }

    @Override
    public void close() {
        admin.close();
    }
}
