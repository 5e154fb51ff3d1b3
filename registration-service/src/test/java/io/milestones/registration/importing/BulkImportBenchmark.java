package io.milestones.registration.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.registration.testing.Api;
import io.milestones.registration.testing.TestKeys;
import io.milestones.testing.KafkaBrokerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a generated NDJSON file of {@code -Dbenchmark.rows} (default 1,000,000) rows, streamed
 * from a generator (the test never holds the file), into an H2 file database, and prints time, rate
 * and the peak heap of the JVM. Not part of {@code verify}; run it with a small heap to show that
 * memory stays bounded:
 *
 * <pre>
 * ./mvnw -B -pl registration-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=BulkImportBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dmilestones.postgres.skip=true \
 *   -Dsurefire.jvm.args="-Xmx384m -XX:+UseSerialGC" -Dbenchmark.rows=1000000
 * </pre>
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=registration-service")
class BulkImportBenchmark {

    static final long ROWS = Long.getLong("benchmark.rows", 1_000_000);

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        String dir = Files.createTempDirectory("import-benchmark").toString();
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:file:" + dir + "/registry;WRITE_DELAY=0");
        TestKeys.register(registry);
    }

    @LocalServerPort int port;

    @Test
    void importsManyRowsInBoundedMemory() {
        Api api = new Api(port);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        var response =
                api.send(
                        api.request("/api/admin/imports?baseline=true", TestKeys.ADMIN)
                                .header("Content-Type", "application/x-ndjson")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(Generated::new))
                                .build());
        assertThat(response.statusCode()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        long uploaded = System.nanoTime();
        JsonMapper json = JsonMapper.builder().build();
        await().atMost(Duration.ofHours(2))
                .pollInterval(Duration.ofSeconds(5))
                .until(
                        () -> json.readTree(api.get(location, TestKeys.ADMIN).body()),
                        job -> {
                            System.out.printf(
                                    "import: %s read, %s imported%n",
                                    job.get("read"), job.get("imported"));
                            return job.get("status").asString().matches("COMPLETED|FAILED");
                        });
        long done = System.nanoTime();
        JsonNode job = json.readTree(api.get(location, TestKeys.ADMIN).body());
        double seconds = (done - start) / 1e9;
        System.out.printf(
                "%nBulk import of %d rows: status %s, imported %s, upload %.1f s, total %.1f s,"
                        + " %.0f rows/s, peak heap %d MB (max heap %d MB)%n%n",
                ROWS,
                job.get("status").asString(),
                job.get("imported"),
                (uploaded - start) / 1e9,
                seconds,
                ROWS / seconds,
                peakHeapMb(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        assertThat(job.get("imported").asLong()).isEqualTo(ROWS);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed())
                        .sum()
                / (1024 * 1024);
    }

    /** The file, generated row by row while it is read. */
    static final class Generated extends InputStream {
        private static final String[] COUNTRIES = {"IT", "PL", "TR", "ES", "FR", "DE", "RO"};
        private long row;
        private byte[] line = new byte[0];
        private int position;

        @Override
        public int read() {
            if (position == line.length) {
                if (row == ROWS) {
                    return -1;
                }
                row++;
                line =
                        ("{\"teacherId\":\"b-%d\",\"email\":\"b%d@example.org\",\"displayName\":"
                                        + "\"Teacher %d\",\"country\":\"%s\",\"language\":\"en\","
                                        + "\"registeredAt\":\"2020-01-01T00:00:00Z\"}\n")
                                .formatted(row, row, row, COUNTRIES[(int) (row % COUNTRIES.length)])
                                .getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return line[position++] & 0xff;
        }
    }
}
