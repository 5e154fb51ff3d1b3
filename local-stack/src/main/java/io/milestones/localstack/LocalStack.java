package io.milestones.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.milestones.testing.FixedPortKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine with nothing but a JDK: a real Kafka broker (KRaft) in-process,
 * an SMTP sink with a web inbox, a social sink standing in for the six networks, and the three
 * services. Ctrl-C stops everything in order.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(LocalStackOptions.USAGE);
            return;
        }
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            log.error("{}\n{}", e.getMessage(), LocalStackOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        try {
            stack.start(options);
        } catch (Exception e) {
            log.error("The local stack could not start: {}", e.getMessage(), e);
            stack.stop();
            System.exit(1);
        }
    }

    void start(LocalStackOptions options) throws IOException {
        Path data = Path.of(".local-stack");
        if (options.fresh()) {
            log.info("--fresh: deleting {}", data.toAbsolutePath());
            deleteRecursively(data);
        }
        log.info("Starting Kafka (KRaft, in-process) on port {}", options.kafkaPort());
        FixedPortKafka broker = FixedPortKafka.start(options.kafkaPort(), data.resolve("kafka"), 6);
        running.push(broker);

        GreenMail smtp =
                new GreenMail(
                                new ServerSetup(
                                        options.smtpPort(), "localhost", ServerSetup.PROTOCOL_SMTP))
                        .withConfiguration(
                                GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        running.push(smtp::stop);

        SocialSink social = new SocialSink(options.socialPort(), java.time.Clock.systemUTC());
        running.push(social);

        // Counting state lives beside the broker's data, and goes with it on --fresh.
        Path stateDir = data.resolve("kafka-streams");
        Files.createDirectories(stateDir);
        Services services =
                Services.start(
                        Map.of(
                                "spring.kafka.bootstrap-servers",
                                broker.bootstrapServers(),
                                "spring.mail.host",
                                "localhost",
                                "spring.mail.port",
                                options.smtpPort(),
                                // One JVM, one logging system: the logger name says who speaks.
                                "logging.include-application-name",
                                false),
                        registrationSettings(options, data),
                        Map.of(
                                "server.port",
                                options.milestonePort(),
                                "spring.kafka.streams.state-dir",
                                stateDir.toString(),
                                // Static membership: a restarted stack takes its tasks back at
                                // once instead of waiting out the old member's session.
                                "spring.kafka.streams.properties.group.instance.id",
                                "local-stack",
                                "milestones.rules.global.thresholds",
                                "10,50,100,250,500,1000,2500,5000,10000",
                                "milestones.rules.country.thresholds",
                                "5,25,100,250,1000",
                                // the #1MeTwinners chain's participants: 10, 20, 50, 100, ...
                                "milestones.rules.campaign.series",
                                "1-2-5",
                                "milestones.rules.campaign.min",
                                10,
                                // the chain's panel on the statistics page reads chain-service
                                "milestones.stats.chain.url",
                                "http://localhost:" + options.chainPort()),
                        notifierSettings(options, data, social));
        running.push(services);

        var ops =
                Services.startOpsConsole(
                        Map.of(
                                "spring.kafka.bootstrap-servers",
                                broker.bootstrapServers(),
                                "logging.include-application-name",
                                false),
                        Map.of(
                                "server.port",
                                options.opsPort(),
                                "spring.datasource.url",
                                "jdbc:h2:file:"
                                        + data.resolve("ops-console").toAbsolutePath()
                                        + ";WRITE_DELAY=0",
                                "milestones.ops.admin.username",
                                "ops",
                                // Local only: a plain password is fine on the developer's machine.
                                "milestones.ops.admin.password",
                                "{noop}ops"));
        running.push(ops::close);
        String opsUrl = "http://localhost:" + Services.port(ops);

        ChainSimulator simulator = options.demo() ? ChainSimulator.create(1000) : null;
        if (simulator != null) {
            running.push(simulator);
        }
        var chain =
                Services.startChain(
                        Map.of(
                                "spring.kafka.bootstrap-servers",
                                broker.bootstrapServers(),
                                "logging.include-application-name",
                                false),
                        chainSettings(options, simulator));
        running.push(chain::close);
        if (simulator != null) {
            simulator.begin(Duration.ofMillis(1500));
        }
        String chainUrl = "http://localhost:" + Services.port(chain);

        String registration = "http://localhost:" + services.registrationPort();
        String milestone = "http://localhost:" + services.milestonePort();
        String notifier = "http://localhost:" + services.notifierPort();
        MailInbox inbox =
                new MailInbox(
                        smtp,
                        options.inboxPort(),
                        List.of(
                                new MailInbox.Link(
                                        "Statistics page: the count climbing live",
                                        milestone + "/"),
                                new MailInbox.Link(
                                        "Counts (milestone-service)", milestone + "/api/counts"),
                                new MailInbox.Link(
                                        "Social log: what each network received",
                                        social.baseUrl() + "/"),
                                new MailInbox.Link(
                                        "Social posts (notifier-service)",
                                        notifier + "/api/social/posts"),
                                new MailInbox.Link(
                                        "Ops console (user ops, password ops)", opsUrl + "/ops"),
                                new MailInbox.Link(
                                        "Chain service health (the #1MeTwinners listeners)",
                                        chainUrl + "/actuator/health"),
                                new MailInbox.Link(
                                        "Registration API health",
                                        registration + "/actuator/health")));
        running.push(inbox);

        log.info(
                """

                ======================================================================
                 Milestones local stack is up{}
                   Statistics page      {}/   (live count, next milestone, every country)
                   Mail inbox + links   http://localhost:{}/
                   Registration API     {}/api/registrations   (POST)
                   Counts               {}/api/counts
                   Social posts         {}/api/social/posts
                   Social log           {}/   (Mastodon, Bluesky, X, Facebook, Instagram, LinkedIn)
                   Ops console          {}/ops   (user ops, password ops)
                   Chain service        {}/actuator/health   (follows #1MeTwinners{})
                   Kafka                {}   (topics: registrations, milestones, *-dlt)
                 Try:
                   curl -i -X POST {}/api/registrations -H 'X-API-Key: {}' \\
                     -H 'Content-Type: application/json' \\
                     -d '{{"teacherId":"t-1","email":"ana@example.org","displayName":"Ana",\
                "country":"PL","language":"pl"}}'
                 Admin key (erase, import, simulator): {}   API docs: {}/swagger-ui.html
                 Ctrl-C stops everything.
                ======================================================================""",
                options.demo()
                        ? " (demo: simulated teachers are registering and answering #1MeTwinners;"
                                + " open the statistics page)"
                        : "",
                milestone,
                inbox.port(),
                registration,
                milestone,
                notifier,
                social.baseUrl(),
                opsUrl,
                chainUrl,
                options.demo() ? "; demo: simulated Mastodon and Bluesky" : ", no network on",
                broker.bootstrapServers(),
                registration,
                DEV_PLATFORM_KEY,
                DEV_ADMIN_KEY,
                registration);
    }

    /**
     * chain-service follows no network by default. With {@code --demo} it follows in-process fakes
     * of a Mastodon instance and of Jetstream, where simulated teachers answer #1MeTwinners and tag
     * colleagues: one answer every 1.5 s, so the chain's first milestones (10, 20, 50) fall within
     * about a minute.
     */
    private static Map<String, Object> chainSettings(
            LocalStackOptions options, ChainSimulator simulator) {
        Map<String, Object> settings = new java.util.HashMap<>();
        settings.put("server.port", options.chainPort());
        if (simulator != null) {
            settings.put("milestones.chain.mastodon.enabled", true);
            settings.put("milestones.chain.mastodon.base-url", simulator.mastodonUrl());
            settings.put("milestones.chain.bluesky.enabled", true);
            settings.put("milestones.chain.bluesky.jetstream-url", simulator.jetstreamUrl());
        }
        return settings;
    }

    /**
     * Subscribers live in an H2 file beside the broker's data (gone with --fresh); the links in
     * e-mails lead to this notifier. Simulated teachers who consent become subscribers; the team
     * address below gets every milestone too. All six social networks post to the social sink.
     */
    private static Map<String, Object> notifierSettings(
            LocalStackOptions options, Path data, SocialSink social) {
        Map<String, Object> settings =
                new java.util.HashMap<>(social.notifierSettings(options.notifierPort()));
        settings.putAll(
                Map.of(
                        "server.port",
                        options.notifierPort(),
                        "milestones.mail.recipients",
                        "newcomer@example.org",
                        "spring.datasource.url",
                        "jdbc:h2:file:"
                                + data.resolve("notifier").toAbsolutePath()
                                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                        "milestones.public-base-url",
                        "http://localhost:" + options.notifierPort(),
                        // Local only: links signed with it are worthless anywhere else.
                        "milestones.subscriptions.token-secret",
                        "local-stack-only-token-secret-0123456789abcdef",
                        "milestones.mail.rate-per-second",
                        200));
        return settings;
    }

    /** Development API keys of the local stack; the service is given only their SHA-256. */
    static final String DEV_PLATFORM_KEY = "dev-platform-key";

    static final String DEV_ADMIN_KEY = "dev-admin-key";

    private static Map<String, Object> registrationSettings(LocalStackOptions options, Path data) {
        Map<String, Object> settings = new java.util.HashMap<>(devKeys());
        settings.put("server.port", options.registrationPort());
        // The registry lives beside the broker's data, and goes with it on --fresh.
        settings.put(
                "spring.datasource.url",
                "jdbc:h2:file:"
                        + data.resolve("registration/registry").toAbsolutePath()
                        + ";WRITE_DELAY=0");
        if (options.demo()) {
            settings.put("milestones.simulator.enabled", true);
            settings.put("milestones.simulator.rate-per-second", 15);
            settings.put("milestones.simulator.total", 5000);
            settings.put("milestones.simulator.duplicate-rate", 0.05);
        }
        return settings;
    }

    /**
     * Registration-service settings that accept {@link #DEV_PLATFORM_KEY} and {@link
     * #DEV_ADMIN_KEY}.
     */
    static Map<String, Object> devKeys() {
        return Map.of(
                "milestones.security.api-keys[0].client", "dev-platform",
                "milestones.security.api-keys[0].sha256",
                        "9831e20a4d38b6fdfa34285772c4b88de26d51134c15107cb941d53b70859e63",
                "milestones.security.api-keys[0].roles", "PLATFORM",
                "milestones.security.api-keys[1].client", "dev-admin",
                "milestones.security.api-keys[1].sha256",
                        "df76ff796f70d2c9cb055ea6280553caa27eda26b70e01082c160de75a05a4a9",
                "milestones.security.api-keys[1].roles", "PLATFORM,ADMIN");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    void stop() {
        synchronized (running) {
            while (!running.isEmpty()) {
                try {
                    running.pop().close();
                } catch (Exception e) {
                    log.warn("Stopping a part of the local stack failed: {}", e.getMessage());
                }
            }
        }
    }
}
