package io.milestones.notifier.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

/**
 * Graph API {@code /{page-id}/photos} and {@code /{page-id}/published_posts} with their documented
 * answers and error objects (codes 4, 32, 190/463; {@code X-Business-Use-Case-Usage}).
 */
class FacebookPublisherIT {

    @RegisterExtension
    static WireMockExtension graph =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String PAGE = "104857600123456";
    static final String PHOTOS = "/v23.0/" + PAGE + "/photos";
    static final String POSTS = "/v23.0/" + PAGE + "/published_posts";
    static final String TEXT = "🎉 eTwinning counts 1,000,000 teachers!\n\n#1MeTwinners #eTwinners";

    /** {@code since}: a minute before the milestone was reached (2021-12-03T10:15:30Z). */
    static final String LOOKUP = POSTS + "?fields=id,message&since=1638526470&limit=50";

    private final SocialTestHttp.RecordingSleeper sleeper = new SocialTestHttp.RecordingSleeper();

    private FacebookPublisher publisher() {
        return new FacebookPublisher(
                new FacebookProperties(
                        true, URI.create(graph.baseUrl()), "v23.0", PAGE, "page-token-1"),
                SocialTestHttp.http(sleeper));
    }

    static ResponseDefinitionBuilder created() {
        return okJson(
                "{\"id\": \"122101234567890123\", \"post_id\": \""
                        + PAGE
                        + "_122101234567890456\"}");
    }

    static ResponseDefinitionBuilder noPosts() {
        return okJson("{\"data\": []}");
    }

    static ResponseDefinitionBuilder thePost() {
        return okJson(
                "{\"data\": [{\"id\": \""
                        + PAGE
                        + "_122101234567890456\", \"message\": "
                        + json(TEXT)
                        + ", \"created_time\": \"2021-12-03T10:15:41+0000\"}],"
                        + " \"paging\": {\"cursors\": {\"before\": \"QVFI\", \"after\": \"QVFJ\"}}}");
    }

    static ResponseDefinitionBuilder graphError(
            int status, String type, int code, Integer subcode, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_request\"")
                .withBody(
                        "{\"error\": {\"message\": \"%s\", \"type\": \"%s\", \"code\": %d,%s"
                                        .formatted(
                                                message,
                                                type,
                                                code,
                                                subcode == null
                                                        ? ""
                                                        : " \"error_subcode\": " + subcode + ",")
                                + " \"is_transient\": false, \"fbtrace_id\": \"AbCdEf123\"}}");
    }

    private PublishedPost publish() {
        return publisher()
                .publish(
                        SocialTestHttp.post(
                                "global:1000000", TEXT, Locale.ENGLISH, SocialTestHttp.image()));
    }

    @Test
    void shouldLookForThePostThenPostTheCardAsAPhotoWithTheText() {
        graph.stubFor(get(urlPathEqualTo(POSTS)).willReturn(noPosts()));
        graph.stubFor(post(PHOTOS).willReturn(created()));

        PublishedPost published = publish();

        assertThat(published)
                .isEqualTo(
                        new PublishedPost(
                                PAGE + "_122101234567890456",
                                "https://www.facebook.com/" + PAGE + "_122101234567890456",
                                false));
        graph.verify(
                1,
                getRequestedFor(urlEqualTo(LOOKUP))
                        .withHeader("Authorization", equalTo("Bearer page-token-1")));
        graph.verify(
                1,
                postRequestedFor(urlEqualTo(PHOTOS))
                        .withHeader("Authorization", equalTo("Bearer page-token-1"))
                        .withHeader("Content-Type", containing("multipart/form-data"))
                        .withRequestBodyPart(
                                aMultipart()
                                        .withName("source")
                                        .withHeader("Content-Type", containing("image/png"))
                                        .withBody(binaryEqualTo(SocialTestHttp.image().png()))
                                        .build())
                        .withRequestBodyPart(
                                aMultipart().withName("message").withBody(equalTo(TEXT)).build()));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void shouldFindTheFirstPostAfterAnAmbiguousFailureAndNotPostAgain() {
        // The photo went out, but the answer was a 500: the retry looks first and finds it.
        graph.stubFor(
                get(urlPathEqualTo(POSTS))
                        .inScenario("ambiguous")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(noPosts()));
        graph.stubFor(
                post(PHOTOS)
                        .inScenario("ambiguous")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                graphError(
                                        500,
                                        "OAuthException",
                                        2,
                                        null,
                                        "An unexpected error has occurred. Please retry your"
                                                + " request later."))
                        .willSetStateTo("posted"));
        graph.stubFor(
                get(urlPathEqualTo(POSTS))
                        .inScenario("ambiguous")
                        .whenScenarioStateIs("posted")
                        .willReturn(thePost()));

        PublishedPost published = publish();

        assertThat(published.alreadyPosted()).isTrue();
        assertThat(published.postId()).isEqualTo(PAGE + "_122101234567890456");
        graph.verify(1, postRequestedFor(urlEqualTo(PHOTOS)));
        graph.verify(2, getRequestedFor(urlPathEqualTo(POSTS)));
    }

    @Test
    void shouldBackOffOnTheApplicationRateLimitThenPostOnce() {
        graph.stubFor(get(urlPathEqualTo(POSTS)).willReturn(noPosts()));
        graph.stubFor(
                post(PHOTOS)
                        .inScenario("rate")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                graphError(
                                                400,
                                                "OAuthException",
                                                4,
                                                null,
                                                "(#4) Application request limit reached")
                                        .withHeader(
                                                "X-App-Usage",
                                                "{\"call_count\":100,\"total_cputime\":25,"
                                                        + "\"total_time\":25}"))
                        .willSetStateTo("open"));
        graph.stubFor(
                post(PHOTOS).inScenario("rate").whenScenarioStateIs("open").willReturn(created()));

        assertThat(publish().postId()).isEqualTo(PAGE + "_122101234567890456");

        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(10));
        graph.verify(2, postRequestedFor(urlEqualTo(PHOTOS)));
    }

    @Test
    void shouldWaitForTheBusinessUseCaseWindowBeyondTheBudgetByFailingTransiently() {
        graph.stubFor(get(urlPathEqualTo(POSTS)).willReturn(noPosts()));
        graph.stubFor(
                post(PHOTOS)
                        .willReturn(
                                graphError(
                                                400,
                                                "OAuthException",
                                                32,
                                                null,
                                                "(#32) Page request limit reached")
                                        .withHeader(
                                                "X-Business-Use-Case-Usage",
                                                "{\""
                                                        + PAGE
                                                        + "\": [{\"type\": \"pages\", \"call_count\":"
                                                        + " 100, \"total_cputime\": 12,"
                                                        + " \"total_time\": 14,"
                                                        + " \"estimated_time_to_regain_access\":"
                                                        + " 5}]}")));

        assertThatThrownBy(this::publish)
                .isInstanceOfSatisfying(
                        SocialNetworkUnavailableException.class,
                        e -> {
                            assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(5));
                            assertThat(e.getMessage())
                                    .contains(
                                            "OAuthException 32: (#32) Page request limit reached");
                        });
        graph.verify(1, postRequestedFor(urlEqualTo(PHOTOS)));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void shouldRejectAnExpiredTokenSayingToRenewIt() {
        graph.stubFor(
                get(urlPathEqualTo(POSTS))
                        .willReturn(
                                graphError(
                                        400,
                                        "OAuthException",
                                        190,
                                        463,
                                        "Error validating access token: Session has expired on"
                                                + " Friday, 04-Dec-26 10:00:00 PST.")));

        assertThatThrownBy(this::publish)
                .isInstanceOfSatisfying(
                        SocialPostRejectedException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.reason())
                                    .isEqualTo(
                                            "OAuthException 190/463: Error validating access"
                                                    + " token: Session has expired on Friday,"
                                                    + " 04-Dec-26 10:00:00 PST. — "
                                                    + GraphApiError.RENEW);
                        });
        graph.verify(0, postRequestedFor(urlEqualTo(PHOTOS)));
    }

    @Test
    void shouldRejectAnExpiredSessionCode102SayingToRenewIt() {
        // Graph API "API Session" (102): the login status or token expired or was revoked
        graph.stubFor(
                get(urlPathEqualTo(POSTS))
                        .willReturn(
                                graphError(
                                        400, "OAuthException", 102, null, "Session key invalid.")));

        assertThatThrownBy(this::publish)
                .isInstanceOfSatisfying(
                        SocialPostRejectedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(
                                                "OAuthException 102: Session key invalid. — "
                                                        + GraphApiError.RENEW));
        graph.verify(1, getRequestedFor(urlPathEqualTo(POSTS)));
        graph.verify(0, postRequestedFor(urlEqualTo(PHOTOS)));
    }

    private static String json(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
