package io.milestones.bench.b3;

import io.milestones.bench.Bench;
import io.milestones.bench.Benchmark;
import io.milestones.bench.Report;
import io.milestones.testing.EmbeddedKraftBroker;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * B3: registration ingest. Distinct valid registrations are POSTed to {@code /api/registrations} of
 * the real registration-service (validation, registry row and outbox event in one transaction, the
 * relay publishing to an embedded broker meanwhile) by a closed-loop load generator; the reference
 * is a no-op POST with the same body, security and JSON reading on the same application. Once on an
 * H2 file database and once on PostgreSQL.
 */
public final class B3Benchmark implements Benchmark {

    private static final String[] COUNTRIES = {"IT", "PL", "TR", "ES", "FR", "DE", "RO", "GR"};

    /** What a JFR profile of this benchmark showed. */
    static final String BOTTLENECK =
            "Bottleneck (JFR profiles of the request threads, both databases): ~25-28 % of the"
                    + " request threads' CPU samples are in Micrometer observation and tracing,"
                    + " ~22 % from Spring Security's observations alone"
                    + " (ObservationFilterChainDecorator wraps every security filter in an"
                    + " observation and records a counter per filter event, looked up through"
                    + " MeterRegistry.getOrCreateMeter on every request; ObservationAuthorizationManager"
                    + " adds one more). The no-op pays that too; the row with them switched off"
                    + " shows the effect. Inside POST /api/registrations (RegistrationService.register)"
                    + " ~61 % of the samples are in JDBC, half of it waiting on the database socket:"
                    + " the teacher INSERT and the outbox INSERT are two round trips plus the"
                    + " commit per request; TraceParents ~9 %, event JSON ~6 %. Since then"
                    + " registration-service.yml sets "
                    + "management.observations.enable"
                    + ".spring.security=false; the last rows switch them back on.";

    /** Spring Boot switch for the observations of Spring Security (filter chain, authorization). */
    static final String SECURITY_OBSERVATIONS = "management.observations.enable.spring.security";

    /** One run: a database and settings added to the service's own. */
    private record Variant(String database, Map<String, Object> settings, String label) {}

    private final int seconds = Bench.setting("seconds", 20);
    private final int warmup = Bench.setting("warmup", 10);
    private final int clients = Bench.setting("clients", 8);
    private final List<String> databases =
            List.of(System.getProperty("bench.db", "h2,postgres").split(","));
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public String id() {
        return "B3";
    }

    @Override
    public String title() {
        return "registration ingest (POST /api/registrations, H2 and PostgreSQL) against a no-op"
                + " POST on the same application";
    }

    @Override
    public Report run() throws Exception {
        Report report =
                new Report(this)
                        .columns("variant", "requests/s", "p50 ms", "p99 ms", "errors", "vs no-op")
                        .setup(
                                clients
                                        + " closed-loop HTTP/1.1 clients (java.net.http, keep-alive)"
                                        + " in the same JVM as the service, "
                                        + warmup
                                        + " s warm-up of each endpoint, then "
                                        + seconds
                                        + " s per variant; each application measures its no-op"
                                        + " before any registration")
                        .setup(
                                "each registration distinct (teacherId, e-mail), API key checked,"
                                        + " tracing sampled at 1.0 as configured; the outbox relay"
                                        + " publishes to an embedded KRaft broker while the load"
                                        + " runs")
                        .setup(
                                "no-op: POST "
                                        + NoopController.PATH
                                        + " (bench-only controller), same filters, API key and"
                                        + " JSON body, answers 201 without validating or storing");
        LoadGenerator load = new LoadGenerator(clients);
        List<Variant> variants = new ArrayList<>();
        for (String kind : databases) {
            variants.add(new Variant(kind.strip(), Map.of(), ""));
        }
        if (Bench.setting("observations-on", 1) == 1) {
            // the bottleneck JFR found, which the service now switches off, switched back on
            variants.add(
                    new Variant(
                            databases.get(databases.size() - 1).strip(),
                            Map.of(SECURITY_OBSERVATIONS, true),
                            ", " + SECURITY_OBSERVATIONS + "=true"));
        }
        Map<String, Double> ingestRates = new HashMap<>();
        try (EmbeddedKraftBroker broker = EmbeddedKraftBroker.start()) {
            for (Variant variant : variants) {
                try (Database db = Database.of(variant.database, "b3");
                        ConfigurableApplicationContext app =
                                RegistrationApp.start(
                                        broker.bootstrapServers(),
                                        db,
                                        variant.settings,
                                        NoopController.class)) {
                    String name = db.name() + variant.label;
                    int port = RegistrationApp.port(app);
                    Supplier<HttpRequest> register = () -> post(port, "/api/registrations");
                    Supplier<HttpRequest> noop = () -> post(port, NoopController.PATH);
                    // the no-op first, while the database is still empty and idle
                    Bench.out.printf("%s: no-op warm-up, then %d s%n", name, seconds);
                    load.run(Duration.ofSeconds(warmup), noop);
                    LoadGenerator.Result reference = load.run(Duration.ofSeconds(seconds), noop);
                    print(name + " no-op", reference);
                    Bench.out.printf("%s: registration warm-up, then %d s%n", name, seconds);
                    load.run(Duration.ofSeconds(warmup), register);
                    LoadGenerator.Result ingest = load.run(Duration.ofSeconds(seconds), register);
                    print(name + " registrations", ingest);
                    row(report, "no-op POST (" + name + " run)", reference, reference);
                    row(report, "POST /api/registrations, " + name, ingest, reference);
                    if (!variant.label.isEmpty() && ingestRates.containsKey(db.name())) {
                        report.note(
                                "With "
                                        + SECURITY_OBSERVATIONS
                                        + "=true (the setting before this benchmark) on "
                                        + db.name()
                                        + ": "
                                        + Report.number(ingest.perSecond())
                                        + " registrations/s, "
                                        + Report.ratio(
                                                ingest.perSecond(), ingestRates.get(db.name()))
                                        + " of the service as shipped (them off); the no-op reaches "
                                        + Report.number(reference.perSecond())
                                        + " requests/s.");
                    } else {
                        ingestRates.put(db.name(), ingest.perSecond());
                        report.note(
                                "On "
                                        + db.name()
                                        + " the service accepts "
                                        + Report.number(ingest.perSecond())
                                        + " registrations/s, "
                                        + Report.ratio(ingest.perSecond(), reference.perSecond())
                                        + " of the no-op POST on the same application ("
                                        + Report.number(reference.perSecond())
                                        + " requests/s); p99 "
                                        + Report.decimal(ingest.latencies().p99())
                                        + " ms against "
                                        + Report.decimal(reference.latencies().p99())
                                        + " ms.");
                    }
                }
            }
        }
        return report.note(BOTTLENECK)
                .note(
                        "Caveat: the machine (and its PostgreSQL server) was shared with other"
                                + " builds and tests while these ran; repeated full runs moved the"
                                + " absolute rates by up to 2× (PostgreSQL registrations between"
                                + " about 600 and 1,150/s; the effect of the observations switch"
                                + " between 1.3× and 2.4×), so compare the rows of one run.");
    }

    private HttpRequest post(int port, String path) {
        long n = sequence.incrementAndGet();
        String body =
                """
                {"teacherId":"b3-%d","email":"b3-%d@example.org","displayName":"Teacher %d",\
                "country":"%s","language":"en","consents":{"milestoneEmails":true}}"""
                        .formatted(n, n, n, COUNTRIES[(int) (n % COUNTRIES.length)]);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(RegistrationApp.HEADER, RegistrationApp.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static void row(
            Report report,
            String variant,
            LoadGenerator.Result result,
            LoadGenerator.Result reference) {
        report.row(
                variant,
                Report.number(result.perSecond()),
                Report.decimal(result.latencies().p50()),
                Report.decimal(result.latencies().p99()),
                Report.number(result.errors()),
                Report.ratio(result.perSecond(), reference.perSecond()));
    }

    private static void print(String what, LoadGenerator.Result result) {
        Bench.out.printf(
                "   %s: %,.0f requests/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                what,
                result.perSecond(),
                result.latencies().p50(),
                result.latencies().p99(),
                result.errors());
    }
}
