package io.milestones.notifier.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.milestones.events.CloudEvent;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.events.Topics;
import io.milestones.notifier.testing.NotifierTestKit;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path: a milestone on a real broker → exactly one post on each of the six networks
 * switched on by configuration (WireMock following their documented APIs), recorded in the
 * deliveries table, in the country's language, with the card, the first Mastodon attempt
 * rate-limited for the advertised second.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=notifier-service",
            "milestones.social.mastodon.enabled=true",
            "milestones.social.mastodon.access-token=mastodon-token",
            "milestones.social.bluesky.enabled=true",
            "milestones.social.bluesky.identifier=etwinning.bsky.social",
            "milestones.social.bluesky.app-password=app-password",
            "milestones.social.x.enabled=true",
            "milestones.social.x.access-token=x-token",
            "milestones.social.facebook.enabled=true",
            "milestones.social.facebook.page-id=" + FacebookPublisherIT.PAGE,
            "milestones.social.facebook.page-access-token=page-token",
            "milestones.social.instagram.enabled=true",
            "milestones.social.instagram.user-id=" + InstagramPublisherIT.USER,
            "milestones.social.instagram.access-token=ig-token",
            "milestones.social.instagram.card-base-url=https://milestones.etwinning.example",
            "milestones.social.linkedin.enabled=true",
            "milestones.social.linkedin.organization-id=2414183",
            "milestones.social.linkedin.access-token=li-token",
            "milestones.retry.max-elapsed=1s",
            "milestones.subscriptions.token-secret=" + NotifierTestKit.TOKEN_SECRET,
        })
class SocialNetworksIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @RegisterExtension
    static WireMockExtension networks =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        db.register(registry);
        registry.add("milestones.social.mastodon.base-url", networks::baseUrl);
        registry.add("milestones.social.bluesky.service-url", networks::baseUrl);
        registry.add("milestones.social.x.base-url", networks::baseUrl);
        registry.add("milestones.social.facebook.base-url", networks::baseUrl);
        registry.add("milestones.social.instagram.base-url", networks::baseUrl);
        registry.add("milestones.social.linkedin.base-url", networks::baseUrl);
    }

    private static final AtomicInteger published = new AtomicInteger();

    private static final List<String> NETWORKS =
            List.of("mastodon", "bluesky", "x", "facebook", "instagram", "linkedin", "log");

    @LocalServerPort int port;
    @Autowired SocialDeliveries deliveries;
    @Autowired SocialProperties social;

    @Test
    void shouldPostTheMilestoneExactlyOnceOnEachOfTheSixNetworksInTheCountrysLanguage()
            throws Exception {
        NetworkStubs.all(networks);
        NetworkStubs.mastodonRateLimitedOnce(networks, 1);
        assertThat(social.languageOf("AT")).isEqualTo(java.util.Locale.GERMAN);
        assertThat(social.languageOf("NO")).isEqualTo(java.util.Locale.forLanguageTag("nb"));
        var milestone =
                new MilestoneReached(
                        "country:AT:1000",
                        Scope.country("AT"),
                        1_000,
                        1_003,
                        Instant.parse("2021-11-20T16:02:11Z"),
                        Instant.parse("2021-11-20T16:02:12Z"),
                        new CrossedBy("t-9", "AT", null));

        publish(milestone);
        publish(milestone); // redelivered: the networks already have it
        awaitConsumed();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            for (String network : NETWORKS) {
                                assertThat(deliveries.find("country:AT:1000", network))
                                        .hasValueSatisfying(
                                                d ->
                                                        assertThat(d.status())
                                                                .isEqualTo(
                                                                        SocialDeliveryStatus
                                                                                .POSTED));
                            }
                        });

        // Mastodon: 429 with Retry-After: 1, then the one status, a second or more later.
        List<ServeEvent> statuses = served("/api/v1/statuses");
        assertThat(statuses).extracting(e -> e.getResponse().getStatus()).containsExactly(429, 200);
        assertThat(
                        statuses.get(1).getRequest().getLoggedDate().getTime()
                                - statuses.get(0).getRequest().getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1_000);
        JsonNode status = json(statuses.get(1));
        assertThat(status.path("language").asString()).isEqualTo("de");
        assertThat(status.path("status").asString())
                .startsWith("🎉 eTwinning zählt 1.000 Lehrkräfte in Österreich!")
                .contains("Was ist das beste Ergebnis")
                .endsWith("#1KeTwinners #eTwinners");
        assertThat(status.path("media_ids").get(0).asString()).isEqualTo("22348641");

        // Bluesky: one record, hashtag facets at the UTF-8 byte offsets of its text.
        networks.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord")));
        JsonNode record = json(served("/xrpc/com.atproto.repo.createRecord").get(0)).path("record");
        String text = record.path("text").asString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(record.path("langs").get(0).asString()).isEqualTo("de");
        List<String> tagged = new ArrayList<>();
        for (JsonNode facet : record.path("facets")) {
            int start = facet.path("index").path("byteStart").asInt();
            int end = facet.path("index").path("byteEnd").asInt();
            String slice = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            assertThat(slice).isEqualTo("#" + facet.path("features").get(0).path("tag").asString());
            tagged.add(slice);
        }
        assertThat(tagged).contains("#1KeTwinners", "#eTwinners");
        assertThat(text).endsWith("#1KeTwinners #eTwinners");
        assertThat(record.path("embed").path("images").get(0).path("alt").asString())
                .startsWith("Festkarte: eTwinning zählt 1.000 Lehrkräfte in Österreich");

        // X: one tweet, within 280.
        networks.verify(1, postRequestedFor(urlEqualTo("/2/tweets")));
        assertThat(PostLimit.X.length(json(served("/2/tweets").get(0)).path("text").asString()))
                .isLessThanOrEqualTo(280);

        // X: the card uploaded and described before the tweet that carries its media id.
        networks.verify(
                1,
                postRequestedFor(urlEqualTo("/2/media/upload"))
                        .withHeader("Authorization", equalTo("Bearer x-token"))
                        .withRequestBodyPart(
                                aMultipart()
                                        .withName("media")
                                        .withHeader("Content-Type", containing("image/png"))
                                        .build())
                        .withRequestBodyPart(
                                aMultipart()
                                        .withName("media_category")
                                        .withBody(equalTo("tweet_image"))
                                        .build()));
        networks.verify(1, postRequestedFor(urlEqualTo("/2/media/metadata")));
        assertThat(
                        json(served("/2/tweets").get(0))
                                .path("media")
                                .path("media_ids")
                                .get(0)
                                .asString())
                .isEqualTo(json(served("/2/media/metadata").get(0)).path("id").asString());

        // Facebook: looked up once, then one photo post (multipart source + message).
        String caption = status.path("status").asString();
        networks.verify(
                1,
                getRequestedFor(urlPathEqualTo(FacebookPublisherIT.POSTS))
                        .withQueryParam("fields", equalTo("id,message"))
                        .withQueryParam("since", equalTo("1637424071"))
                        .withHeader("Authorization", equalTo("Bearer page-token")));
        networks.verify(
                1,
                postRequestedFor(urlEqualTo(FacebookPublisherIT.PHOTOS))
                        .withHeader("Authorization", equalTo("Bearer page-token"))
                        .withHeader("Content-Type", containing("multipart/form-data"))
                        .withRequestBodyPart(
                                aMultipart()
                                        .withName("source")
                                        .withHeader("Content-Type", containing("image/png"))
                                        .build())
                        .withRequestBodyPart(
                                aMultipart()
                                        .withName("message")
                                        .withBody(equalTo(caption))
                                        .build()));

        // Instagram: limit checked, container from the card's public URL, status, publish.
        networks.verify(1, getRequestedFor(urlPathEqualTo(InstagramPublisherIT.LIMIT)));
        networks.verify(
                1,
                postRequestedFor(urlEqualTo(InstagramPublisherIT.MEDIA))
                        .withHeader("Authorization", equalTo("Bearer ig-token"))
                        .withFormParam(
                                "image_url",
                                equalTo(
                                        "https://milestones.etwinning.example/api/social/cards/"
                                                + "country:AT:1000.png?date=2021-11-20&lang=de"))
                        .withFormParam("caption", equalTo(caption))
                        .withFormParam("alt_text", containing("Festkarte: eTwinning zählt 1.000")));
        networks.verify(
                1,
                postRequestedFor(urlEqualTo(InstagramPublisherIT.PUBLISH))
                        .withFormParam("creation_id", equalTo(InstagramPublisherIT.CONTAINER)));

        // LinkedIn: versioned headers, image upload, then the post with the image and little text.
        networks.verify(
                1,
                postRequestedFor(urlEqualTo("/rest/images?action=initializeUpload"))
                        .withHeader("LinkedIn-Version", equalTo("202509")));
        networks.verify(1, putRequestedFor(urlPathEqualTo(NetworkStubs.LINKEDIN_UPLOAD)));
        networks.verify(
                1,
                postRequestedFor(urlEqualTo("/rest/posts"))
                        .withHeader("Authorization", equalTo("Bearer li-token"))
                        .withHeader("LinkedIn-Version", equalTo("202509"))
                        .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0")));
        JsonNode share = json(served("/rest/posts").get(0));
        assertThat(share.path("author").asString()).isEqualTo("urn:li:organization:2414183");
        assertThat(share.path("content").path("media").path("id").asString())
                .isEqualTo(LinkedInPublisherIT.IMAGE);
        assertThat(share.path("content").path("media").path("altText").asString())
                .startsWith("Festkarte: eTwinning zählt 1.000");
        assertThat(share.path("commentary").asString())
                .isEqualTo(LinkedInPublisher.commentary(caption))
                .endsWith("{hashtag|\\#|1KeTwinners} {hashtag|\\#|eTwinners}");
        assertThat(deliveries.find("country:AT:1000", "linkedin").orElseThrow().postUrl())
                .isEqualTo("https://www.linkedin.com/feed/update/" + LinkedInPublisherIT.SHARE);

        // The card the e-mail can link to.
        HttpResponse<byte[]> card = get("/api/social/cards/country:AT:1000.png");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(card.body()));
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(675);
        assertThat(get("/api/social/cards/global:5000.png").statusCode()).isEqualTo(404);
        assertThat(get("/api/social/cards/global:5000.png?date=2021-12-03").statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldRecordARejectedPostFailedAndDeadLetterTheMilestoneAtOnce() throws Exception {
        NetworkStubs.bluesky(networks);
        NetworkStubs.x(networks);
        NetworkStubs.facebook(networks);
        NetworkStubs.instagram(networks);
        NetworkStubs.linkedin(networks);
        networks.stubFor(post("/api/v2/media").willReturn(okJson(MastodonPublisherIT.MEDIA)));
        networks.stubFor(
                post("/api/v1/statuses")
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"error\":\"The access token is invalid\"}")));
        var milestone =
                new MilestoneReached(
                        "global:5000",
                        Scope.GLOBAL,
                        5_000,
                        5_000,
                        Instant.parse("2021-02-01T09:00:00Z"),
                        Instant.parse("2021-02-01T09:00:01Z"),
                        new CrossedBy("t-5", "PL", null));

        publish(milestone);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(
                                                KafkaTestClients.readCommitted(
                                                        kafka.bootstrapServers(),
                                                        Topics.deadLetter(Topics.MILESTONES)))
                                        .extracting(r -> r.key())
                                        .containsExactly("global:5000"));
        awaitConsumed();
        // Not retried: the token will not become valid by asking again.
        networks.verify(1, postRequestedFor(urlEqualTo("/api/v1/statuses")));
        assertThat(deliveries.find("global:5000", "mastodon"))
                .hasValueSatisfying(
                        d -> {
                            assertThat(d.status()).isEqualTo(SocialDeliveryStatus.FAILED);
                            assertThat(d.lastError()).contains("The access token is invalid");
                        });
        for (String network : NETWORKS.subList(1, NETWORKS.size())) {
            assertThat(deliveries.find("global:5000", network).orElseThrow().status())
                    .isEqualTo(SocialDeliveryStatus.POSTED);
        }
    }

    /** Waits until the social group has committed every milestone record published so far. */
    private void awaitConsumed() {
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                KafkaTestClients.committedOffset(
                                                kafka.bootstrapServers(),
                                                "notifier-social",
                                                Topics.MILESTONES)
                                        >= published.get());
    }

    /** The requests served on {@code path}, oldest first. */
    private static List<ServeEvent> served(String path) {
        List<ServeEvent> events = new ArrayList<>();
        for (ServeEvent event : networks.getAllServeEvents()) { // newest first
            if (event.getRequest().getUrl().equals(path)) {
                events.add(0, event);
            }
        }
        return events;
    }

    private static JsonNode json(ServeEvent event) {
        return JsonMapper.shared().readTree(event.getRequest().getBodyAsString());
    }

    private void publish(MilestoneReached milestone) throws Exception {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            var record =
                    new ProducerRecord<>(
                            Topics.MILESTONES, milestone.milestoneId(), EventJson.write(milestone));
            new CloudEvent(
                            milestone.milestoneId(),
                            "/test",
                            EventType.MILESTONE_REACHED,
                            Instant.now())
                    .writeTo(record.headers());
            producer.send(record).get();
            published.incrementAndGet();
        }
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
