package io.milestones.notifier.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mastodon's documented API (statuses, media v2, errors, rate limits) stubbed by WireMock. */
class MastodonPublisherIT {

    @RegisterExtension
    static WireMockExtension mastodon =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String STATUS =
            """
            {"id": "103254962155278888", "created_at": "2021-12-03T10:15:36.196Z",
             "visibility": "public", "language": "it",
             "url": "https://mastodon.example/@etwinning/103254962155278888",
             "content": "<p>🎉 eTwinning conta 1.000.000 insegnanti!</p>",
             "media_attachments": [{"id": "22348641", "type": "image"}]}
            """;

    static final String MEDIA =
            """
            {"id": "22348641", "type": "image",
             "url": "https://files.mastodon.example/media_attachments/files/022/348/641/original/e96382f26c72a29c.png",
             "preview_url": "https://files.mastodon.example/media_attachments/files/022/348/641/small/e96382f26c72a29c.png",
             "description": "Celebration card", "blurhash": "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}"}
            """;

    private final SocialTestHttp.RecordingSleeper sleeper = new SocialTestHttp.RecordingSleeper();

    private MastodonPublisher publisher() {
        return new MastodonPublisher(
                new MastodonProperties(
                        true,
                        URI.create(mastodon.baseUrl()),
                        "token-123",
                        MastodonProperties.Visibility.UNLISTED),
                SocialTestHttp.http(sleeper));
    }

    @Test
    void shouldUploadTheCardThenPostTheStatusWithBearerIdempotencyKeyVisibilityAndLanguage() {
        mastodon.stubFor(post("/api/v2/media").willReturn(okJson(MEDIA)));
        mastodon.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS)));
        var publisher = publisher();

        PublishedPost published =
                publisher.publish(
                        SocialTestHttp.post(
                                "global:1000000",
                                "🎉 eTwinning conta 1.000.000 insegnanti!",
                                Locale.ITALIAN,
                                SocialTestHttp.image()));

        assertThat(published.postId()).isEqualTo("103254962155278888");
        assertThat(published.url()).endsWith("/@etwinning/103254962155278888");
        mastodon.verify(
                1,
                postRequestedFor(urlEqualTo("/api/v2/media"))
                        .withHeader("Authorization", equalTo("Bearer token-123"))
                        .withRequestBodyPart(
                                aMultipart()
                                        .withName("file")
                                        .withHeader("Content-Type", containing("image/png"))
                                        .build())
                        .withRequestBodyPart(
                                aMultipart()
                                        .withName("description")
                                        .withBody(containing("Celebration card"))
                                        .build()));
        mastodon.verify(
                1,
                postRequestedFor(urlEqualTo("/api/v1/statuses"))
                        .withHeader("Authorization", equalTo("Bearer token-123"))
                        .withHeader(
                                "Idempotency-Key",
                                equalTo(publisher.idempotencyKey("global:1000000")))
                        .withRequestBody(
                                equalToJson(
                                        """
                                        {"status": "🎉 eTwinning conta 1.000.000 insegnanti!",
                                         "media_ids": ["22348641"],
                                         "visibility": "unlisted", "language": "it"}
                                        """)));
    }

    @Test
    void shouldWaitUntilTheAdvertisedRateLimitResetThenPostOnce() {
        mastodon.stubFor(
                post("/api/v1/statuses")
                        .inScenario("rate limit")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("X-RateLimit-Limit", "300")
                                        .withHeader("X-RateLimit-Remaining", "0")
                                        .withHeader("X-RateLimit-Reset", "2021-12-03T10:16:05.000Z")
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"error\":\"Too many requests\"}"))
                        .willSetStateTo("open"));
        mastodon.stubFor(
                post("/api/v1/statuses")
                        .inScenario("rate limit")
                        .whenScenarioStateIs("open")
                        .willReturn(okJson(STATUS)));

        publisher().publish(SocialTestHttp.post("global:1000", "hi", Locale.ENGLISH, null));

        // The fixed clock says 10:15:35, the reset is at 10:16:05.
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(30));
        assertThat(mastodon.findAll(postRequestedFor(urlEqualTo("/api/v1/statuses"))))
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .hasSize(2)
                .containsOnly(publisher().idempotencyKey("global:1000"));
        mastodon.verify(2, postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void shouldRetryServerErrorsWithExponentialBackOff() {
        mastodon.stubFor(
                post("/api/v1/statuses")
                        .inScenario("flaky")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("still down"));
        mastodon.stubFor(
                post("/api/v1/statuses")
                        .inScenario("flaky")
                        .whenScenarioStateIs("still down")
                        .willReturn(
                                aResponse()
                                        .withStatus(500)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"error\":\"Internal server error\"}"))
                        .willSetStateTo("up"));
        mastodon.stubFor(
                post("/api/v1/statuses")
                        .inScenario("flaky")
                        .whenScenarioStateIs("up")
                        .willReturn(okJson(STATUS)));

        var published =
                publisher().publish(SocialTestHttp.post("global:1000", "hi", Locale.ENGLISH, null));

        assertThat(published.postId()).isEqualTo("103254962155278888");
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void shouldGiveUpAsUnavailableWhenServerErrorsOutlastTheRetries() {
        mastodon.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(
                        () ->
                                publisher()
                                        .publish(
                                                SocialTestHttp.post(
                                                        "global:1000", "hi", Locale.ENGLISH, null)))
                .isInstanceOf(SocialNetworkUnavailableException.class)
                .hasMessageContaining("502");
        mastodon.verify(4, postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void shouldRejectAnInvalidTokenAtOnceWithMastodonsReason() {
        mastodon.stubFor(
                post("/api/v1/statuses")
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"error\":\"The access token is invalid\"}")));

        assertThatThrownBy(
                        () ->
                                publisher()
                                        .publish(
                                                SocialTestHttp.post(
                                                        "global:1000", "hi", Locale.ENGLISH, null)))
                .isInstanceOfSatisfying(
                        SocialPostRejectedException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(401);
                            assertThat(e.reason()).isEqualTo("The access token is invalid");
                        });
        mastodon.verify(1, postRequestedFor(urlEqualTo("/api/v1/statuses")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void shouldRejectAnInvalidStatusWithTheValidationMessage() {
        mastodon.stubFor(
                post("/api/v1/statuses")
                        .willReturn(
                                aResponse()
                                        .withStatus(422)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":\"Validation failed: Text character"
                                                        + " limit of 500 exceeded\"}")));

        assertThatThrownBy(
                        () ->
                                publisher()
                                        .publish(
                                                SocialTestHttp.post(
                                                        "global:1000", "hi", Locale.ENGLISH, null)))
                .isInstanceOf(SocialPostRejectedException.class)
                .hasMessageContaining("Validation failed: Text character limit of 500 exceeded");
    }

    @Test
    void shouldReportAnAnswerItCannotReadAsUnavailableWithoutRepeatingThePost() {
        mastodon.stubFor(
                post("/api/v1/statuses")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("<html>maintenance</html>")));

        assertThatThrownBy(
                        () ->
                                publisher()
                                        .publish(
                                                SocialTestHttp.post(
                                                        "global:1000", "hi", Locale.ENGLISH, null)))
                .isInstanceOf(SocialNetworkUnavailableException.class)
                .hasMessageContaining("unexpected answer");
        mastodon.verify(1, postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void shouldWaitForMediaStillProcessingBeforePosting() {
        mastodon.stubFor(
                post("/api/v2/media")
                        .willReturn(
                                aResponse()
                                        .withStatus(202)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                MEDIA.replaceFirst(
                                                        "\"url\": \"[^\"]+\"", "\"url\": null"))));
        mastodon.stubFor(
                get("/api/v1/media/22348641")
                        .inScenario("processing")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(206))
                        .willSetStateTo("done"));
        mastodon.stubFor(
                get("/api/v1/media/22348641")
                        .inScenario("processing")
                        .whenScenarioStateIs("done")
                        .willReturn(okJson(MEDIA)));
        mastodon.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS)));

        publisher()
                .publish(
                        SocialTestHttp.post(
                                "global:1000", "hi", Locale.ENGLISH, SocialTestHttp.image()));

        mastodon.verify(2, getRequestedFor(urlEqualTo("/api/v1/media/22348641")));
        mastodon.verify(
                postRequestedFor(urlEqualTo("/api/v1/statuses"))
                        .withRequestBody(
                                equalToJson("{\"media_ids\": [\"22348641\"]}", true, true)));
    }
}
