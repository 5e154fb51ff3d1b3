package io.milestones.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka server (KRaft, combined broker and controller; Kafka's own {@code
 * KafkaRaftServer}) in this JVM, listening on a fixed port with its data in a given directory. The
 * local stack runs on it (any client finds {@code localhost:9092}, data survives restarts); tests
 * use it where a broker must come up <em>later</em> on a port an application already knows. Unlike
 * {@link EmbeddedKraftBroker}, stopping and starting again on the same directory keeps every topic.
 */
public final class FixedPortKafka implements KafkaBroker {

    /** Fixed, so that a data directory formatted by an earlier run is accepted. */
    private static final String CLUSTER_ID =
            new Uuid(0x4d696c6573746f6eL, 0x65732d6c6f63616cL).toString(); // "Milestones-local"

    private final KafkaRaftServer server;
    private final int port;

    private FixedPortKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Formats {@code dataDir} on first use, then starts the server.
     *
     * @param port the client port; the controller listens on {@code port + 1}
     * @param dataDir where the logs and metadata live
     * @param partitions default partition count of created topics
     */
    public static FixedPortKafka start(int port, Path dataDir, int partitions) throws IOException {
        Files.createDirectories(dataDir);
        int controllerPort = port + 1;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put(
                "listeners",
                "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("log.dirs", dataDir.toAbsolutePath().toString());
        props.put("num.partitions", String.valueOf(partitions));
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        format(dataDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new FixedPortKafka(server, port);
    }

    private static void format(Path dataDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(CLUSTER_ID)
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setDirectories(List.of(dataDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(dataDir.toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setIgnoreFormatted(true)
                    .setUnstableFeatureVersionsEnabled(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not format the Kafka data directory " + dataDir, e);
        }
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public String description() {
        return "Kafka server at " + bootstrapServers();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * A free port for {@link #start}: one whose successor (the controller's port) is free too.
     *
     * <p>Chosen at random below the kernel's ephemeral range (32768-60999 on Linux), not by binding
     * port 0: a port from that range can be handed to any outgoing connection of any process
     * between this check and the server's bind, and with two modules' tests running at once (the
     * build's {@code -T2}) that happened ("Address already in use"). Below the range only a process
     * that binds that very port explicitly can take it.
     */
    public static int freePort() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(LOWEST_PORT, EPHEMERAL_START - 1);
            try (var first = new java.net.ServerSocket(port);
                    var second = new java.net.ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // one of the two is in use: try another pair
            }
        }
        throw new IllegalStateException("found no free pair of ports");
    }

    private static final int LOWEST_PORT = 20_000;
    private static final int EPHEMERAL_START = 32_768;
}
