package io.milestones.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Topics;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole pipeline in one JVM: a real broker, a real SMTP server and the three applications on
 * random ports. Teachers register over HTTP until the thresholds 5 and 10 are crossed.
 */
class EndToEndIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    static RunningSystem system;
    static GreenMail smtp;
    static SocialSink social;
    static Services services;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        system =
                RunningSystem.start(
                        kafka.bootstrapServers(), TestSettings.milestone("5,10", "1000"));
        smtp = system.smtp;
        social = system.social;
        services = system.services;
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @DisplayName("registrations over HTTP → exactly one MilestoneReached per threshold → e-mails")
    void shouldCelebrateEachThresholdOnceEndToEnd() throws Exception {
        for (int i = 1; i <= 11; i++) {
            assertThat(register("t-" + i, i % 2 == 0 ? "IT" : "PL")).isEqualTo(201);
        }
        assertThat(register("t-3", "PL")).isEqualTo(201); // delivered again: must not count

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () ->
                                assertThat(
                                                KafkaTestClients.readCommitted(
                                                        kafka.bootstrapServers(),
                                                        Topics.MILESTONES))
                                        .hasSize(2));
        // and no third one a moment later (a duplicate would come after the first two)
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () ->
                                assertThat(
                                                KafkaTestClients.readCommitted(
                                                        kafka.bootstrapServers(),
                                                        Topics.MILESTONES))
                                        .hasSize(2));
        var milestones =
                KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.MILESTONES);
        assertThat(milestones)
                .extracting(r -> r.key())
                .containsExactlyInAnyOrder("global:5", "global:10");
        for (var record : milestones) {
            assertThat(CloudEvent.readFrom(record.headers()).type())
                    .isEqualTo(EventType.MILESTONE_REACHED);
            var event = EventJson.read(record.value(), MilestoneReached.class);
            assertThat(event.count()).isEqualTo(event.threshold());
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(get(services.milestonePort(), "/api/counts"))
                                        .containsPattern("\"global\":11\\b"));

        // The team addresses get every milestone; consenting teachers are subscribers too, and
        // whoever crossed a threshold gets it with a personal note, even if their registration
        // reached the notifier after the milestone did.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(mailsTo("a@example.org", "b@example.org"))
                                        .containsExactlyInAnyOrder(
                                                "eTwinning: 5 teachers together!",
                                                "eTwinning: 5 teachers together!",
                                                "eTwinning: 10 teachers together!",
                                                "eTwinning: 10 teachers together!"));
        for (var record : milestones) {
            var event = EventJson.read(record.value(), MilestoneReached.class);
            String crosser = event.crossedBy().teacherId() + "@example.org";
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(mailsTo(crosser))
                                            .contains(
                                                    "Teacher "
                                                            + event.crossedBy().teacherId()
                                                            + ", thanks to you eTwinning counts "
                                                            + event.threshold()
                                                            + " teachers!"));
        }
        MimeMessage[] all = smtp.getReceivedMessages();
        assertThat(Arrays.stream(all).map(EndToEndIT::messageId).distinct())
                .as("one e-mail per (milestone, recipient)")
                .hasSize(all.length);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(get(services.notifierPort(), "/api/social/posts"))
                                        .contains("#5eTwinners")
                                        .contains("#10eTwinners"));
        // The social sink received each milestone once on each of the six networks, with the card.
        var networks = List.of("mastodon", "bluesky", "x", "facebook", "instagram", "linkedin");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(social.posts()).hasSize(12));
        for (String network : networks) {
            assertThat(social.posts())
                    .filteredOn(p -> p.network().equals(network))
                    .as(network)
                    .extracting(p -> p.text().contains("10eTwinners") ? "global:10" : "global:5")
                    .containsExactlyInAnyOrder("global:5", "global:10");
        }
        assertThat(social.posts()).allSatisfy(p -> assertThat(p.picture()).isNotNull());
        assertThat(social.posts())
                .filteredOn(p -> p.network().equals("instagram"))
                .extracting(SocialSink.Post::picture)
                .anySatisfy(
                        picture ->
                                assertThat(picture)
                                        .contains("/api/social/cards/global:10.png?date="));
        assertThat(social.posts())
                .filteredOn(p -> p.network().equals("linkedin"))
                .extracting(SocialSink.Post::text)
                .anySatisfy(text -> assertThat(text).contains("{hashtag|\\#|10eTwinners}"));
        String log =
                http.send(
                                HttpRequest.newBuilder(URI.create(social.baseUrl() + "/")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        assertThat(log).contains("<h1>Social log</h1>").contains("(12 posts)");
        for (String network : networks) {
            assertThat(log).contains("<td class=\"network\">" + network + "</td>");
        }

        // Tracing: each milestone continues the trace of a registration request, and its
        // fan-out's delivery requests continue the milestone's trace. A subscriber the notifier
        // learns only after the fan-out (decision 0306), or the crossing teacher found late
        // (LateCrossingTeacher), is requested from the subscriber listener, outside the fan-out:
        // such a request starts a trace of its own, never another registration's or milestone's.
        for (var record : milestones) {
            String trace = traceId(record.headers());
            assertThat(trace).as("traceparent of " + record.key()).isIn(TRACES.values());
            var requests =
                    KafkaTestClients.readCommitted(
                                    kafka.bootstrapServers(), Topics.NOTIFICATION_REQUESTS)
                            .stream()
                            .filter(r -> new String(r.value()).contains(record.key()))
                            .toList();
            assertThat(requests)
                    .as("requests of " + record.key() + " continuing its trace")
                    .anySatisfy(r -> assertThat(traceId(r.headers())).isEqualTo(trace));
            assertThat(requests)
                    .filteredOn(r -> !traceId(r.headers()).equals(trace))
                    .allSatisfy(
                            late -> {
                                assertThat(new String(late.value()))
                                        .as("a request outside the fan-out is a subscriber's")
                                        .contains("\"subscriptionId\"");
                                assertThat(traceId(late.headers()))
                                        .isNotIn(TRACES.values())
                                        .isNotIn(
                                                milestones.stream()
                                                        .map(m -> traceId(m.headers()))
                                                        .toList());
                            });
        }

        // Domain metrics, as Prometheus scrapes them, with the values of this run.
        assertThat(get(services.registrationPort(), "/actuator/prometheus"))
                .contains(
                        "milestones_registrations_total{outcome=\"accepted\",reason=\"none\"} 11.0")
                .contains(
                        "milestones_registrations_total{outcome=\"repeated\",reason=\"none\"} 1.0")
                .contains("milestones_outbox_backlog_events 0.0");
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(
                        () ->
                                assertThat(get(services.milestonePort(), "/actuator/prometheus"))
                                        .contains(
                                                "milestones_count{dimension=\"global\",key=\"all\"} 11.0")
                                        .contains(
                                                "milestones_announced{dimension=\"global\",type=\"reached\"} 2.0"));
        // every e-mail the SMTP server received was counted as sent, once
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(get(services.notifierPort(), "/actuator/prometheus"))
                                        .contains(
                                                "milestones_deliveries_total{channel=\"email\",status=\"sent\"} "
                                                        + smtp.getReceivedMessages().length
                                                        + ".0\n")
                                        .contains(
                                                "milestones_deliveries_total{channel=\"email\",status=\"failed\"} 0.0\n")
                                        .doesNotContain("example.org"));
    }

    /** Trace id of each registration request, by teacherId. */
    static final Map<String, String> TRACES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String traceId(org.apache.kafka.common.header.Headers headers) {
        var header = headers.lastHeader("traceparent");
        assertThat(header).as("traceparent header").isNotNull();
        return new String(header.value()).split("-")[1];
    }

    @Test
    @DisplayName("every topic the running system created is described in docs/asyncapi.yaml")
    void shouldOnlyUseTopicsTheAsyncApiDocumentDescribes() throws Exception {
        var documented = new java.util.HashSet<String>();
        new tools.jackson.dataformat.yaml.YAMLMapper()
                .readTree(Path.of("..", "docs", "asyncapi.yaml").toFile())
                .get("channels")
                .forEach(channel -> documented.add(channel.get("address").asString()));
        try (var admin =
                org.apache.kafka.clients.admin.Admin.create(
                        Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
            var topics = admin.listTopics().names().get();

            // Kafka's own topics are not ours; Kafka Streams' internal ones (prefixed by its
            // application.id) are described too, tagged internal.
            assertThat(topics.stream().filter(t -> !t.startsWith("__")).toList())
                    .isNotEmpty()
                    .allSatisfy(topic -> assertThat(documented).contains(topic));
        }
    }

    private static int register(String teacherId, String country) throws Exception {
        String body =
                """
                {"teacherId":"%s","email":"%s@example.org","displayName":"Teacher %s",
                 "country":"%s","language":"en","consents":{"milestoneEmails":true}}
                """
                        .formatted(teacherId, teacherId, teacherId, country);
        return http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + services.registrationPort()
                                                        + "/api/registrations"))
                                .header("Content-Type", "application/json")
                                .header("X-API-Key", LocalStack.DEV_PLATFORM_KEY)
                                .header("traceparent", traceParent(teacherId))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** A W3C traceparent with a trace id of its own per teacher, as a platform would send. */
    private static String traceParent(String teacherId) {
        String trace =
                TRACES.computeIfAbsent(
                        teacherId,
                        id ->
                                String.format(
                                        "%032x",
                                        new java.util.Random(id.hashCode()).nextLong()
                                                & Long.MAX_VALUE));
        return "00-" + trace + "-00f067aa0ba902b7-01";
    }

    private static String get(int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static java.util.List<String> mailsTo(String... addresses) {
        return system.mailsTo(addresses);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
