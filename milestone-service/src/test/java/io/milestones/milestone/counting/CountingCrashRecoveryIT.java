package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.testing.KafkaBrokerExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kill -9 twice mid-stream: the counting application runs in a child JVM that is destroyed forcibly
 * (no clean shutdown, open transactions, unflushed state) while it counts, then started again on
 * the same state directory. The counts must come out exact and every milestone exactly once, read
 * with read_committed. The global count runs two-level as in the service, so partial sums are
 * pending in the state when the process dies (the two-instance test covers the single key).
 */
class CountingCrashRecoveryIT {

    private static final Logger log = LoggerFactory.getLogger(CountingCrashRecoveryIT.class);
    static final String APP = "milestone-crash-it";

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @TempDir Path stateDir;

    Process app;

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    @DisplayName(
            "50,000 teachers, 10 % delivered twice, the app killed twice mid-stream: exact counts,"
                    + " each milestone once")
    void shouldCountExactlyAndAnnounceOnceAcrossTwoKills() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        RegistrationLoad.createTopics(bootstrap);
        var load = new RegistrationLoad(50_000, 0.10);
        int third = load.size() / 3;

        load.produce(bootstrap, 0, third);
        app = start(1);
        awaitCommitted(third / 2);
        assertRunsTheShippedGuarantee(1);
        load.produce(bootstrap, third, 2 * third);
        awaitCommitted(third + third / 2);
        killApp(2 * third); // kill #1, mid-stream

        app = start(2);
        load.produce(bootstrap, 2 * third, load.size());
        awaitCommitted(2 * third + third / 3);
        assertRunsTheShippedGuarantee(2);
        killApp(load.size()); // kill #2, mid-stream

        app = start(3);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () ->
                                assertThat(RegistrationLoad.publishedCounts(bootstrap))
                                        .isEqualTo(load.expectedCounts()));
        log.info("Counts exact after the restart");
        // duplicates at the end of the load change no count: their offsets may commit later
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(RegistrationLoad.committed(bootstrap, APP))
                                        .isEqualTo(load.size()));
        load.assertEachMilestoneExactlyOnce(bootstrap);
        assertThat(app.isAlive()).isTrue();
    }

    private void awaitCommitted(long records) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> RegistrationLoad.committed(kafka.bootstrapServers(), APP) >= records);
    }

    /**
     * Kills the app and checks that the kill struck mid-stream: of the {@code produced} input
     * records, some were not committed yet (read after the kill, when nothing commits any more).
     */
    private void killApp(int produced) throws Exception {
        app.destroyForcibly().waitFor();
        long committed = RegistrationLoad.committed(kafka.bootstrapServers(), APP);
        log.info(
                "Killed the counting app at {} of {} input records committed", committed, produced);
        assertThat(app.exitValue()).isNotZero();
        assertThat(committed).as("input still unprocessed at the kill").isLessThan(produced);
    }

    /**
     * The child runs the processing guarantee of the shipped milestone-service.yml, and that is
     * exactly-once, as the child prints once it started Kafka Streams with it.
     */
    private void assertRunsTheShippedGuarantee(int run) throws Exception {
        String running = Files.readString(logFile(run).toPath());
        assertThat(running)
                .contains("Counting with processing.guarantee = " + StreamsConfig.EXACTLY_ONCE_V2);
    }

    private static File logFile(int run) {
        return new File("target/" + APP + "-run-" + run + ".log");
    }

    private Process start(int run) throws Exception {
        log.info("Starting the counting app, run {}", run);
        String classpath = System.getProperty("surefire.test.class.path");
        if (classpath == null || classpath.isBlank()) {
            classpath = System.getProperty("java.class.path");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = logFile(run);
        return new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        classpath,
                        CountingApp.class.getName(),
                        kafka.bootstrapServers(),
                        APP,
                        stateDir.toString(),
                        "every-scope")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }
}
