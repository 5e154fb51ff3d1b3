package io.milestones.bench.b7;

import static org.awaitility.Awaitility.await;

import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Memory;
import io.milestones.bench.Report;
import io.milestones.bench.b3.Database;
import io.milestones.bench.b3.RegistrationApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * B7: bulk import. A generated NDJSON file of N rows (never held in memory) is POSTed to the real
 * registration-service's {@code /api/admin/imports} and followed until the job completes: rows/s
 * from the first byte sent to the last row stored, and the JVM's peak heap. The reference is
 * PostgreSQL {@code COPY} of the same rows into tables like the registry's, once of the teacher
 * rows alone and once of the teacher rows plus their outbox events (what the import writes).
 */
public final class B7Benchmark implements Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a JFR profile of an import into PostgreSQL (200,000 rows) showed. */
    static final String BOTTLENECK =
            "Bottleneck (JFR profile of the bulk-import thread, PostgreSQL, 200,000 rows): the"
                    + " import runs on one thread (one core of two) and spends ~35 % of its"
                    + " samples waiting for PostgreSQL (socket read in"
                    + " QueryExecutorImpl.processResults, incl. ~7 % in commit): each row is its"
                    + " own INSERT … SELECT … WHERE NOT EXISTS (two unique-index probes, not"
                    + " rewritable into multi-row inserts) plus an outbox INSERT, where COPY"
                    + " streams rows without per-statement execution. On its own CPU: Hibernate"
                    + " Validator ~17 % (ImportRunner.validate: @Email, @Pattern, LanguageTag per"
                    + " row), NdjsonRowReader.parse ~10 % (readTree then treeToValue, two passes"
                    + " per line), pgjdbc binding (sendBind, TimestampUtils) ~10 %, event JSON"
                    + " (EventJson.write) ~6 %.";

    private final int rows = Bench.setting("records", 1_000_000);
    private final List<String> databases =
            List.of(System.getProperty("bench.db", "postgres,h2").split(","));

    @Override
    public String id() {
        return "B7";
    }

    @Override
    public String title() {
        return "bulk import of NDJSON rows, rows/s and peak heap, against PostgreSQL COPY";
    }

    private record Measured(String variant, double seconds, long imported, long peakHeap) {}

    @Override
    public Report run() throws Exception {
        List<Measured> measured = new ArrayList<>();
        double copyTeachers = 0;
        double copyBoth = 0;
        for (String kind : databases) {
            try (Database db = Database.of(kind.strip(), "b7");
                    ConfigurableApplicationContext app =
                            RegistrationApp.start(
                                    "127.0.0.1:9",
                                    db,
                                    Map.of("milestones.outbox.enabled", false))) {
                if (db.postgres()) {
                    Memory.usedHeapAfterGc();
                    Memory.resetPeak();
                    double teachers =
                            CopyReference.copy(
                                    db, "teacher", Rows.TEACHER_COLUMNS, rows, Rows::teacherCsv);
                    double outbox =
                            CopyReference.copy(
                                    db, "outbox_event", Rows.OUTBOX_COLUMNS, rows, Rows::outboxCsv);
                    long peak = Memory.peakHeapBytes();
                    Bench.out.printf(
                            "COPY: teacher rows %.1f s, outbox rows %.1f s%n", teachers, outbox);
                    copyTeachers = teachers;
                    copyBoth = teachers + outbox;
                    measured.add(new Measured("PostgreSQL COPY, teacher rows", teachers, rows, 0));
                    measured.add(
                            new Measured(
                                    "PostgreSQL COPY, teacher + outbox rows",
                                    teachers + outbox,
                                    rows,
                                    peak));
                }
                measured.add(importRows(db, RegistrationApp.port(app)));
            }
        }
        return report(measured, copyTeachers, copyBoth);
    }

    private Measured importRows(Database db, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Memory.usedHeapAfterGc();
        Memory.resetPeak();
        long start = System.nanoTime();
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:"
                                                        + port
                                                        + "/api/admin/imports?baseline=true"))
                                .header(RegistrationApp.HEADER, RegistrationApp.KEY)
                                .header("Content-Type", "application/x-ndjson")
                                .POST(
                                        HttpRequest.BodyPublishers.ofInputStream(
                                                () -> new GeneratedLines(rows, Rows::ndjson)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + response.statusCode());
        }
        double upload = (System.nanoTime() - start) / 1e9;
        URI job =
                URI.create("http://127.0.0.1:" + port)
                        .resolve(response.headers().firstValue("Location").orElseThrow());
        Bench.out.printf("%s: %,d rows uploaded in %.1f s%n", db.name(), rows, upload);
        JsonNode status =
                await().atMost(Duration.ofMinutes(20))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(
                                () -> status(http, job),
                                s -> s.get("status").asString().matches("COMPLETED|FAILED"));
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = Memory.peakHeapBytes();
        long imported = status.get("imported").asLong();
        Bench.out.printf(
                "%s import: %s, %,d imported in %.1f s (%,.0f rows/s), peak heap %s%n",
                db.name(),
                status.get("status").asString(),
                imported,
                seconds,
                imported / seconds,
                Memory.mb(peak));
        return new Measured("import endpoint, " + db.name(), seconds, imported, peak);
    }

    private static JsonNode status(HttpClient http, URI job) throws Exception {
        return JSON.readTree(
                http.send(
                                HttpRequest.newBuilder(job)
                                        .header(RegistrationApp.HEADER, RegistrationApp.KEY)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
    }

    private Report report(List<Measured> measured, double copyTeachers, double copyBoth) {
        Report report =
                new Report(this)
                        .columns("variant", "rows", "seconds", "rows/s", "peak heap", "vs COPY")
                        .setup(
                                Report.number(rows)
                                        + " NDJSON rows (distinct teachers, ~150 bytes each)"
                                        + " generated while uploaded, POST"
                                        + " /api/admin/imports?baseline=true, timed from the first"
                                        + " byte to the job's COMPLETED; batches of 1,000 rows")
                        .setup(
                                "the outbox relay is off (B4 measures it); each import writes "
                                        + "a registry row and an outbox event per teacher")
                        .setup(
                                "heap "
                                        + Memory.mb(Runtime.getRuntime().maxMemory())
                                        + " max; peak heap is the JVM's (service, HTTP client and"
                                        + " generator together; on H2 also the database engine"
                                        + " and its page cache); COPY: CopyManager, CSV, into"
                                        + " empty tables LIKE teacher / outbox_event INCLUDING ALL");
        for (Measured m : measured) {
            double perSecond = m.imported / m.seconds;
            report.row(
                    m.variant,
                    Report.number(m.imported),
                    Report.decimal(m.seconds),
                    Report.number(perSecond),
                    m.peakHeap == 0 ? "—" : Memory.mb(m.peakHeap),
                    copyTeachers == 0 ? "—" : Report.ratio(perSecond, rows / copyTeachers));
            if (m.variant.startsWith("import") && copyBoth > 0) {
                report.note(
                        "The import endpoint on "
                                + m.variant.substring(m.variant.indexOf(", ") + 2)
                                + " stores "
                                + Report.number(perSecond)
                                + " rows/s: "
                                + Report.ratio(perSecond, rows / copyTeachers)
                                + " of COPY of the teacher rows alone and "
                                + Report.ratio(perSecond, rows / copyBoth)
                                + " of COPY of the same teacher and outbox rows it writes, with a"
                                + " peak heap of "
                                + Memory.mb(m.peakHeap)
                                + " under a "
                                + Memory.mb(Runtime.getRuntime().maxMemory())
                                + " limit (memory stays bounded: the upload is spooled to a file"
                                + " and read row by row).");
            }
        }
        report.note(BOTTLENECK);
        return report;
    }
}
