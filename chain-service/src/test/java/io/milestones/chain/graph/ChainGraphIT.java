package io.milestones.chain.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.chain.ChainServiceApplication;
import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostDeleted;
import io.milestones.events.ChainPostObserved;
import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.Topics;
import io.milestones.testing.KafkaBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * chain-service on a real broker, fed on {@code social-chain} as its listeners (or any producer
 * that follows the envelope) feed it: the graph API shows the hand-built chain's metrics, a deleted
 * and a hidden post leave the feed, the admin API answers RFC 9457 problems naming the field, and a
 * restart rebuilds the same graph from the topics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainGraphIT {

    static final String KEY = "test-admin-key";

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    ConfigurableApplicationContext app;
    String base;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(2)
    void shouldShowTheChainFedOnSocialChainAndRebuildItAfterARestart() throws Exception {
        start();
        send(ChainGraphTest.handBuiltChain().toArray());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(chain().path("participants").asLong()).isEqualTo(7));
        JsonNode chain = chain();
        assertThat(chain.path("conversions").asLong()).isEqualTo(4);
        assertThat(chain.path("longestChain").asInt()).isEqualTo(4);
        assertThat(chain.path("chains").asLong()).isEqualTo(2);
        assertThat(json.convertValue(chain.path("byNetwork"), Map.class))
                .isEqualTo(Map.of("bluesky", 2, "mastodon", 5));
        assertThat(chain.path("latest")).hasSize(9);
        JsonNode newest = chain.path("latest").get(0);
        assertThat(newest.path("url").asString()).isEqualTo("https://a.social/@anna/6");
        assertThat(newest.path("author").asString()).isEqualTo("anna@a.social");
        assertThat(newest.path("network").asString()).isEqualTo("mastodon");
        assertThat(newest.path("createdAt").asString()).isEqualTo("2026-12-03T09:00:50Z");
        assertThat(newest.has("eventId")).isFalse();

        // the author deletes one, an admin hides another: both leave the feed, no count drops
        send(
                new ChainPostDeleted(
                        "1MeTwinners", ChainNetwork.MASTODON, "6", "anna@a.social", Instant.now()));
        assertThat(admin("POST", FeedPost.idOf("mastodon:5"), KEY).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(feedUrls())
                                        .hasSize(7)
                                        .doesNotContain(
                                                "https://a.social/@anna/6",
                                                "https://a.social/@dora/5"));
        assertThat(chain().path("participants").asLong()).isEqualTo(7);
        assertThat(chain().path("longestChain").asInt()).isEqualTo(4);

        // and everything is there again after a restart: rebuilt from the topics
        app.close();
        start();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(feedUrls())
                                        .hasSize(7)
                                        .doesNotContain(
                                                "https://a.social/@anna/6",
                                                "https://a.social/@dora/5"));
        JsonNode rebuilt = chain();
        assertThat(
                        List.of(
                                rebuilt.path("participants").asLong(),
                                rebuilt.path("conversions").asLong(),
                                rebuilt.path("longestChain").asLong(),
                                rebuilt.path("chains").asLong()))
                .containsExactly(7L, 4L, 4L, 2L);

        // shown again
        assertThat(admin("DELETE", FeedPost.idOf("mastodon:5"), KEY).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(feedUrls())
                                        .hasSize(8)
                                        .contains("https://a.social/@dora/5"));
    }

    @Test
    @Order(1)
    void shouldAnswerBadRequestsWithProblemsNamingTheField() throws Exception {
        start();

        var forbidden = admin("POST", FeedPost.idOf("mastodon:5"), "wrong");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type"))
                .contains("application/problem+json");

        var badId = admin("POST", "bm90IGEgcG9zdA", KEY); // "not a post"
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json.readTree(badId.body()).path("errors").get(0).path("field").asString())
                .isEqualTo("id");

        var badLimit = get("/api/chain/1MeTwinners?limit=0");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badLimit.body()).path("errors").get(0).path("field").asString())
                .isEqualTo("limit");
        var badCampaign = get("/api/chain/not-a-tag");
        assertThat(badCampaign.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badCampaign.body()).path("errors").get(0).path("field").asString())
                .isEqualTo("campaign");
        assertThat(get("/api/chain/SomethingElse").statusCode()).isEqualTo(404);

        // the followed campaign answers zeros before its first post, to any origin (CORS)
        var empty =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/chain/1metwinners"))
                                .header("Origin", "http://stats.example")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(json.readTree(empty.body()).path("participants").asLong()).isZero();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(get("/actuator/health").body())
                                        .contains("\"chainGraph\":{\"status\":\"UP\"}"));
        assertThat(get("/v3/api-docs").body())
                .contains("/api/chain/{campaign}", "/api/admin/chain/posts/{id}/hidden");
    }

    void start() {
        app =
                ChainServiceApplication.builder()
                        .run(
                                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                                "--server.port=0",
                                "--milestones.chain.partitions=3",
                                "--milestones.chain.graph.refresh=0s",
                                "--milestones.chain.graph.admin-api-key=" + KEY);
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    JsonNode chain() throws Exception {
        var response = get("/api/chain/1MeTwinners");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    List<String> feedUrls() throws Exception {
        return chain().path("latest").valueStream().map(p -> p.path("url").asString()).toList();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> admin(String method, String id, String key) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create(base + "/api/admin/chain/posts/" + id + "/hidden"))
                        .header("X-API-Key", key)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void send(Object... events) {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (Object event : events) {
                String key =
                        event instanceof ChainPostObserved p
                                ? p.author()
                                : ((ChainPostDeleted) event).author();
                String id =
                        event instanceof ChainPostObserved p
                                ? p.eventId()
                                : ((ChainPostDeleted) event).eventId();
                var record = new ProducerRecord<>(Topics.SOCIAL_CHAIN, key, EventJson.write(event));
                new CloudEvent(id, "/test", EventType.of(event), Instant.now())
                        .writeTo(record.headers());
                producer.send(record);
            }
            producer.flush();
        }
    }
}
