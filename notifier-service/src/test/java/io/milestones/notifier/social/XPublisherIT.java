package io.milestones.notifier.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** X API v2 {@code POST /2/tweets} with its documented answers and problem bodies. */
class XPublisherIT {

    @RegisterExtension
    static WireMockExtension x =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String TEXT = "🎉 eTwinning counts 1,000,000 teachers!\n\n#1MeTwinners #eTwinners";

    private final SocialTestHttp.RecordingSleeper sleeper = new SocialTestHttp.RecordingSleeper();

    private XPublisher publisher() {
        return new XPublisher(
                new XProperties(true, URI.create(x.baseUrl()), "user-token-1"),
                SocialTestHttp.http(sleeper));
    }

    static ResponseDefinitionBuilder created() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-rate-limit-limit", "100")
                .withHeader("x-rate-limit-remaining", "99")
                .withBody(
                        "{\"data\":{\"id\":\"1445880548472328192\",\"text\":\"🎉 eTwinning counts"
                                + " 1,000,000 teachers!\"}}");
    }

    static ResponseDefinitionBuilder problem(int status, String title, String detail) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(
                        "{\"title\":\"%s\",\"type\":\"about:blank\",\"status\":%d,\"detail\":\"%s\"}"
                                .formatted(title, status, detail));
    }

    /** X API v2 {@code POST /2/media/upload}: the media's id and key in {@code data}. */
    static ResponseDefinitionBuilder uploaded() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(
                        "{\"data\":{\"id\":\"1880028106020515840\",\"media_key\":"
                                + "\"3_1880028106020515840\",\"size\":40123,"
                                + "\"expires_after_secs\":86400,\"image\":{\"image_type\":"
                                + "\"image/png\",\"w\":1200,\"h\":675}}}");
    }

    /** X API v2 {@code POST /2/media/metadata}: the alt text echoed. */
    static ResponseDefinitionBuilder described() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(
                        "{\"data\":{\"id\":\"1880028106020515840\",\"associated_metadata\":"
                                + "{\"alt_text\":{\"text\":\"Celebration card\"}}}}");
    }

    private PublishedPost publish() {
        return publisher()
                .publish(SocialTestHttp.post("global:1000000", TEXT, Locale.ENGLISH, null));
    }

    @Test
    void shouldPostTheTextWithTheUserToken() {
        x.stubFor(post("/2/tweets").willReturn(created()));

        PublishedPost published = publish();

        assertThat(published.postId()).isEqualTo("1445880548472328192");
        assertThat(published.url()).isEqualTo("https://x.com/i/web/status/1445880548472328192");
        x.verify(
                1,
                postRequestedFor(urlEqualTo("/2/tweets"))
                        .withHeader("Authorization", equalTo("Bearer user-token-1"))
                        .withRequestBody(equalToJson("{\"text\": " + json(TEXT) + "}")));
    }

    @Test
    void shouldUploadTheCardDescribeItAndTweetWithItsMediaId() {
        x.stubFor(post("/2/media/upload").willReturn(uploaded()));
        x.stubFor(post("/2/media/metadata").willReturn(described()));
        x.stubFor(post("/2/tweets").willReturn(created()));

        PublishedPost published =
                publisher()
                        .publish(
                                SocialTestHttp.post(
                                        "global:1000000",
                                        TEXT,
                                        Locale.ENGLISH,
                                        SocialTestHttp.image()));

        assertThat(published.postId()).isEqualTo("1445880548472328192");
        x.verify(
                1,
                postRequestedFor(urlEqualTo("/2/media/upload"))
                        .withHeader("Authorization", equalTo("Bearer user-token-1"))
                        .withHeader("Content-Type", containing("multipart/form-data"))
                        .withRequestBodyPart(
                                aMultipart()
                                        .withName("media")
                                        .withHeader("Content-Type", containing("image/png"))
                                        .withBody(binaryEqualTo(SocialTestHttp.image().png()))
                                        .build())
                        .withRequestBodyPart(
                                aMultipart()
                                        .withName("media_category")
                                        .withBody(equalTo("tweet_image"))
                                        .build()));
        x.verify(
                1,
                postRequestedFor(urlEqualTo("/2/media/metadata"))
                        .withHeader("Authorization", equalTo("Bearer user-token-1"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"id\": \"1880028106020515840\", \"metadata\":"
                                                + " {\"alt_text\": {\"text\": \"Celebration"
                                                + " card: eTwinning counts 1,000,000"
                                                + " teachers.\"}}}")));
        x.verify(
                1,
                postRequestedFor(urlEqualTo("/2/tweets"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"text\": "
                                                + json(TEXT)
                                                + ", \"media\": {\"media_ids\":"
                                                + " [\"1880028106020515840\"]}}")));
        // WireMock lists the newest first
        assertThat(x.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()))
                .containsExactly("/2/tweets", "/2/media/metadata", "/2/media/upload");
    }

    @Test
    void shouldCountTheDuplicateContentAnswerAsAlreadyPosted() {
        x.stubFor(
                post("/2/tweets")
                        .inScenario("tweets")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(created())
                        .willSetStateTo("posted"));
        x.stubFor(
                post("/2/tweets")
                        .inScenario("tweets")
                        .whenScenarioStateIs("posted")
                        .willReturn(
                                problem(
                                        403,
                                        "Forbidden",
                                        "You are not allowed to create a Tweet with duplicate"
                                                + " content.")));

        assertThat(publish().alreadyPosted()).isFalse();
        // A new process, knowing nothing, publishes the same milestone again.
        assertThat(publish().alreadyPosted()).isTrue();

        x.verify(2, postRequestedFor(urlEqualTo("/2/tweets")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void shouldFindTheFirstPostAfterAnAmbiguousFailureAndNotPostAgain() {
        // X created the tweet but the answer was lost (503 after sending): the retry is refused
        // as duplicate content, which is X's own look-up of the first post.
        x.stubFor(
                post("/2/tweets")
                        .inScenario("ambiguous")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(problem(503, "Service Unavailable", "Service Unavailable"))
                        .willSetStateTo("created"));
        x.stubFor(
                post("/2/tweets")
                        .inScenario("ambiguous")
                        .whenScenarioStateIs("created")
                        .willReturn(
                                problem(
                                        403,
                                        "Forbidden",
                                        "You are not allowed to create a Tweet with duplicate"
                                                + " content.")));

        assertThat(publish()).isEqualTo(new PublishedPost(null, null, true));

        x.verify(2, postRequestedFor(urlEqualTo("/2/tweets")));
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(10)); // the first back-off
    }

    @Test
    void shouldWaitUntilXRateLimitResetThenPostOnce() {
        x.stubFor(
                post("/2/tweets")
                        .inScenario("rate")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                problem(429, "Too Many Requests", "Too Many Requests")
                                        .withHeader("x-rate-limit-limit", "100")
                                        .withHeader("x-rate-limit-remaining", "0")
                                        .withHeader(
                                                "x-rate-limit-reset",
                                                Long.toString(
                                                        SocialFixtures.NOW.getEpochSecond() + 7)))
                        .willSetStateTo("open"));
        x.stubFor(
                post("/2/tweets")
                        .inScenario("rate")
                        .whenScenarioStateIs("open")
                        .willReturn(created()));

        assertThat(publish().postId()).isEqualTo("1445880548472328192");

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        x.verify(2, postRequestedFor(urlEqualTo("/2/tweets")));
    }

    @Test
    void shouldPreferRetryAfterSecondsOverTheResetTime() {
        x.stubFor(
                post("/2/tweets")
                        .inScenario("rate")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                problem(429, "Too Many Requests", "Too Many Requests")
                                        .withHeader("Retry-After", "3")
                                        .withHeader(
                                                "x-rate-limit-reset",
                                                Long.toString(
                                                        SocialFixtures.NOW.getEpochSecond() + 900)))
                        .willSetStateTo("open"));
        x.stubFor(
                post("/2/tweets")
                        .inScenario("rate")
                        .whenScenarioStateIs("open")
                        .willReturn(created()));

        publish();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void shouldGiveUpWhenTheAdvertisedWaitExceedsTheBudget() {
        x.stubFor(
                post("/2/tweets")
                        .willReturn(
                                problem(429, "Too Many Requests", "Too Many Requests")
                                        .withHeader(
                                                "x-rate-limit-reset",
                                                Long.toString(
                                                        SocialFixtures.NOW.getEpochSecond()
                                                                + 900))));

        assertThatThrownBy(this::publish)
                .isInstanceOfSatisfying(
                        SocialNetworkUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(900)));
        x.verify(1, postRequestedFor(urlEqualTo("/2/tweets")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void shouldRejectAnExpiredTokenSayingToRenewIt() {
        x.stubFor(post("/2/media/upload").willReturn(problem(401, "Unauthorized", "Unauthorized")));
        x.stubFor(post("/2/tweets").willReturn(created()));

        assertThatThrownBy(
                        () ->
                                publisher()
                                        .publish(
                                                SocialTestHttp.post(
                                                        "global:1000000",
                                                        TEXT,
                                                        Locale.ENGLISH,
                                                        SocialTestHttp.image())))
                .isInstanceOfSatisfying(
                        SocialPostRejectedException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(401);
                            assertThat(e.reason())
                                    .isEqualTo(
                                            "Unauthorized — renew the access token"
                                                    + " (docs/operations.md, Renewing social"
                                                    + " network tokens)");
                        });
        // Not retried, and no tweet without its card.
        x.verify(1, postRequestedFor(urlEqualTo("/2/media/upload")));
        x.verify(0, postRequestedFor(urlEqualTo("/2/tweets")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void shouldRejectAForbiddenPostThatIsNotADuplicate() {
        x.stubFor(
                post("/2/tweets")
                        .willReturn(
                                problem(
                                        403,
                                        "Forbidden",
                                        "You are not permitted to perform this action.")));

        assertThatThrownBy(this::publish)
                .isInstanceOf(SocialPostRejectedException.class)
                .hasMessageContaining("You are not permitted to perform this action.");
    }

    private static String json(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
