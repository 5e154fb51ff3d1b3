package io.milestones.notifier.social;

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
 * Instagram content publishing on the Graph API: {@code /{ig-user-id}/media}, the container's
 * {@code status_code}, {@code /{ig-user-id}/media_publish}, {@code content_publishing_limit}.
 */
class InstagramPublisherIT {

    @RegisterExtension
    static WireMockExtension graph =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String USER = "17841405822304914";
    static final String MEDIA = "/v23.0/" + USER + "/media";
    static final String PUBLISH = "/v23.0/" + USER + "/media_publish";
    static final String LIMIT = "/v23.0/" + USER + "/content_publishing_limit";
    static final String CONTAINER = "17889455560051444";
    static final String STATUS = "/v23.0/" + CONTAINER;
    static final String TEXT = "🎉 eTwinning counts 1,000,000 teachers!\n\n#1MeTwinners #eTwinners";
    static final String CARD =
            "https://milestones.etwinning.example/api/social/cards/global:1000000.png"
                    + "?date=2021-12-03&lang=en";

    private final SocialTestHttp.RecordingSleeper sleeper = new SocialTestHttp.RecordingSleeper();

    private InstagramPublisher publisher() {
        return new InstagramPublisher(
                new InstagramProperties(
                        true,
                        URI.create(graph.baseUrl()),
                        "v23.0",
                        USER,
                        "ig-token-1",
                        URI.create("https://milestones.etwinning.example"),
                        2),
                SocialTestHttp.http(sleeper));
    }

    static ResponseDefinitionBuilder noMedia() {
        return okJson("{\"data\": [], \"paging\": {\"cursors\": {}}}");
    }

    static ResponseDefinitionBuilder quota(int used) {
        return okJson(
                "{\"data\": [{\"quota_usage\": "
                        + used
                        + ", \"config\": {\"quota_total\": 50, \"quota_duration\": 86400}}]}");
    }

    static ResponseDefinitionBuilder status(String code) {
        return okJson(
                "{\"status_code\": \""
                        + code
                        + "\", \"status\": \""
                        + code
                        + "\", \"id\": \""
                        + CONTAINER
                        + "\"}");
    }

    private void stubHappyPath() {
        graph.stubFor(get(urlPathEqualTo(MEDIA)).willReturn(noMedia()));
        graph.stubFor(get(urlPathEqualTo(LIMIT)).willReturn(quota(3)));
        graph.stubFor(post(MEDIA).willReturn(okJson("{\"id\": \"" + CONTAINER + "\"}")));
        graph.stubFor(post(PUBLISH).willReturn(okJson("{\"id\": \"17920238422030506\"}")));
    }

    private PublishedPost publish() {
        return publisher()
                .publish(
                        SocialTestHttp.post(
                                "global:1000000", TEXT, Locale.ENGLISH, SocialTestHttp.image()));
    }

    @Test
    void shouldCreateTheContainerFromTheCardUrlThenPublishIt() {
        stubHappyPath();
        graph.stubFor(get(urlPathEqualTo(STATUS)).willReturn(status("FINISHED")));

        assertThat(publish()).isEqualTo(new PublishedPost("17920238422030506", null, false));

        graph.verify(
                getRequestedFor(urlEqualTo(MEDIA + "?fields=id,caption,permalink&limit=25"))
                        .withHeader("Authorization", equalTo("Bearer ig-token-1")));
        graph.verify(getRequestedFor(urlEqualTo(LIMIT + "?fields=quota_usage,config")));
        graph.verify(
                1,
                postRequestedFor(urlEqualTo(MEDIA))
                        .withHeader("Authorization", equalTo("Bearer ig-token-1"))
                        .withFormParam("image_url", equalTo(CARD))
                        .withFormParam("caption", equalTo(TEXT))
                        .withFormParam(
                                "alt_text",
                                equalTo("Celebration card: eTwinning counts 1,000,000 teachers.")));
        graph.verify(getRequestedFor(urlEqualTo(STATUS + "?fields=status_code,status")));
        graph.verify(
                1,
                postRequestedFor(urlEqualTo(PUBLISH))
                        .withFormParam("creation_id", equalTo(CONTAINER)));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void shouldCheckAContainerStillInProgressAgainBeforePublishing() {
        stubHappyPath();
        graph.stubFor(
                get(urlPathEqualTo(STATUS))
                        .inScenario("container")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(status("IN_PROGRESS"))
                        .willSetStateTo("ready"));
        graph.stubFor(
                get(urlPathEqualTo(STATUS))
                        .inScenario("container")
                        .whenScenarioStateIs("ready")
                        .willReturn(status("FINISHED")));

        assertThat(publish().postId()).isEqualTo("17920238422030506");

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
        graph.verify(1, postRequestedFor(urlEqualTo(PUBLISH)));
    }

    @Test
    void shouldDeferAContainerThatStaysInProgressAndPublishOnceOnTheNextAttempt() {
        stubHappyPath();
        graph.stubFor(get(urlPathEqualTo(STATUS)).willReturn(status("IN_PROGRESS")));

        assertThatThrownBy(this::publish)
                .isInstanceOf(SocialNetworkUnavailableException.class)
                .hasMessageContaining("still IN_PROGRESS after 2 checks; deferred");
        graph.verify(0, postRequestedFor(urlEqualTo(PUBLISH)));

        // The milestone is retried later (the delivery stays PENDING; also after a restart).
        graph.stubFor(get(urlPathEqualTo(STATUS)).willReturn(status("FINISHED")));
        assertThat(publish().postId()).isEqualTo("17920238422030506");
        graph.verify(1, postRequestedFor(urlEqualTo(PUBLISH)));
    }

    @Test
    void shouldWaitForThePublishingWindowWhenTheLimitIsUsedUp() {
        stubHappyPath();
        graph.stubFor(get(urlPathEqualTo(LIMIT)).willReturn(quota(50)));

        assertThatThrownBy(this::publish)
                .isInstanceOfSatisfying(
                        SocialNetworkUnavailableException.class,
                        e -> {
                            assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(24));
                            assertThat(e.getMessage())
                                    .contains("publishing limit used up: 50 of 50 posts in 24 h");
                        });
        graph.verify(0, postRequestedFor(urlEqualTo(MEDIA)));
        graph.verify(0, postRequestedFor(urlEqualTo(PUBLISH)));
    }

    @Test
    void shouldBackOffOnTheApplicationRateLimitThenPublishOnce() {
        stubHappyPath();
        graph.stubFor(get(urlPathEqualTo(STATUS)).willReturn(status("FINISHED")));
        graph.stubFor(
                post(MEDIA)
                        .inScenario("rate")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                FacebookPublisherIT.graphError(
                                                400,
                                                "OAuthException",
                                                4,
                                                null,
                                                "(#4) Application request limit reached")
                                        .withHeader(
                                                "X-App-Usage",
                                                "{\"call_count\":100,\"total_cputime\":12,"
                                                        + "\"total_time\":14}"))
                        .willSetStateTo("open"));
        graph.stubFor(
                post(MEDIA)
                        .inScenario("rate")
                        .whenScenarioStateIs("open")
                        .willReturn(okJson("{\"id\": \"" + CONTAINER + "\"}")));

        assertThat(publish().postId()).isEqualTo("17920238422030506");

        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(10)); // the first back-off
        graph.verify(2, postRequestedFor(urlEqualTo(MEDIA)));
        graph.verify(1, postRequestedFor(urlEqualTo(PUBLISH)));
    }

    @Test
    void shouldFindTheFirstPostAfterAnAmbiguousFailureAndNotPublishAgain() {
        graph.stubFor(
                get(urlPathEqualTo(MEDIA))
                        .inScenario("ambiguous")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(noMedia()));
        graph.stubFor(get(urlPathEqualTo(LIMIT)).willReturn(quota(3)));
        graph.stubFor(post(MEDIA).willReturn(okJson("{\"id\": \"" + CONTAINER + "\"}")));
        graph.stubFor(get(urlPathEqualTo(STATUS)).willReturn(status("FINISHED")));
        graph.stubFor(
                post(PUBLISH)
                        .inScenario("ambiguous")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                FacebookPublisherIT.graphError(
                                        500,
                                        "OAuthException",
                                        2,
                                        null,
                                        "An unexpected error has occurred. Please retry your"
                                                + " request later."))
                        .willSetStateTo("published"));
        graph.stubFor(
                get(urlPathEqualTo(MEDIA))
                        .inScenario("ambiguous")
                        .whenScenarioStateIs("published")
                        .willReturn(
                                okJson(
                                        "{\"data\": [{\"id\": \"17920238422030506\", \"caption\": "
                                                + "\""
                                                + TEXT.replace("\n", "\\n")
                                                + "\", \"permalink\":"
                                                + " \"https://www.instagram.com/p/C1a2b3c4d5e/\"}]}")));

        PublishedPost published = publish();

        assertThat(published)
                .isEqualTo(
                        new PublishedPost(
                                "17920238422030506",
                                "https://www.instagram.com/p/C1a2b3c4d5e/",
                                true));
        graph.verify(1, postRequestedFor(urlEqualTo(PUBLISH)));
    }

    @Test
    void shouldRejectAnExpiredTokenSayingToRenewIt() {
        graph.stubFor(
                get(urlPathEqualTo(MEDIA))
                        .willReturn(
                                FacebookPublisherIT.graphError(
                                        400,
                                        "OAuthException",
                                        190,
                                        463,
                                        "Error validating access token: Session has expired.")));

        assertThatThrownBy(this::publish)
                .isInstanceOfSatisfying(
                        SocialPostRejectedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(
                                                "OAuthException 190/463: Error validating access"
                                                        + " token: Session has expired. — "
                                                        + GraphApiError.RENEW));
    }
}
