package io.milestones.notifier.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LinkedIn's versioned REST API: Images ({@code initializeUpload}, the upload URL), Posts (create,
 * find by author), with its documented headers and error bodies.
 */
class LinkedInPublisherIT {

    @RegisterExtension
    static WireMockExtension linkedin =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ORG = "urn:li:organization:2414183";
    static final String IMAGE = "urn:li:image:C4E10AQFoyyAjHPMQuQ";
    static final String SHARE = "urn:li:share:6844785523593134080";
    static final String TEXT = "🎉 eTwinning counts 1,000,000 teachers!\n\n#1MeTwinners #eTwinners";
    static final String COMMENTARY =
            "🎉 eTwinning counts 1,000,000 teachers!\n\n{hashtag|\\#|1MeTwinners}"
                    + " {hashtag|\\#|eTwinners}";
    static final String LOOKUP =
            "/rest/posts?author=urn%3Ali%3Aorganization%3A2414183&q=author&count=20&sortBy=CREATED";

    private final SocialTestHttp.RecordingSleeper sleeper = new SocialTestHttp.RecordingSleeper();

    private LinkedInPublisher publisher() {
        return new LinkedInPublisher(
                new LinkedInProperties(
                        true, URI.create(linkedin.baseUrl()), "202509", "2414183", "li-token-1"),
                SocialTestHttp.http(sleeper));
    }

    @BeforeEach
    void images() {
        linkedin.stubFor(
                post(urlEqualTo("/rest/images?action=initializeUpload"))
                        .willReturn(
                                okJson(
                                        "{\"value\": {\"uploadUrlExpiresAt\": 1650567510704,"
                                                + " \"uploadUrl\": \""
                                                + linkedin.baseUrl()
                                                + "/dms-uploads/sp/v2/D4E10AQ/uploaded-image/0\","
                                                + " \"image\": \""
                                                + IMAGE
                                                + "\"}}")));
        linkedin.stubFor(
                put(urlPathEqualTo("/dms-uploads/sp/v2/D4E10AQ/uploaded-image/0"))
                        .willReturn(aResponse().withStatus(201)));
    }

    static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("x-restli-id", SHARE);
    }

    static ResponseDefinitionBuilder noPosts() {
        return okJson(
                "{\"paging\": {\"start\": 0, \"count\": 20, \"links\": []}, \"elements\": []}");
    }

    static ResponseDefinitionBuilder thePost() {
        return okJson(
                "{\"paging\": {\"start\": 0, \"count\": 20, \"links\": []}, \"elements\": [{\"id\":"
                        + " \""
                        + SHARE
                        + "\", \"author\": \""
                        + ORG
                        + "\", \"commentary\": \""
                        + COMMENTARY.replace("\\", "\\\\").replace("\n", "\\n")
                        + "\", \"lifecycleState\": \"PUBLISHED\", \"visibility\": \"PUBLIC\"}]}");
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"status\": %d, \"serviceErrorCode\": 65600, \"code\": \"%s\", \"message\": \"%s\"}"
                                .formatted(status, code, message));
    }

    private PublishedPost publish() {
        return publisher()
                .publish(
                        SocialTestHttp.post(
                                "global:1000000", TEXT, Locale.ENGLISH, SocialTestHttp.image()));
    }

    @Test
    void shouldEscapeTheTextAsLittleTextWithHashtagTemplates() {
        assertThat(LinkedInPublisher.commentary("1 (one) #1MeTwinners_x a#b *bold*"))
                .isEqualTo("1 \\(one\\) {hashtag|\\#|1MeTwinners_x} a\\#b \\*bold\\*");
    }

    @Test
    void shouldUploadTheImageThenPostWithTheVersionHeaders() {
        linkedin.stubFor(get(urlPathEqualTo("/rest/posts")).willReturn(noPosts()));
        linkedin.stubFor(post("/rest/posts").willReturn(created()));

        PublishedPost published = publish();

        assertThat(published)
                .isEqualTo(
                        new PublishedPost(
                                SHARE, "https://www.linkedin.com/feed/update/" + SHARE, false));
        linkedin.verify(
                1,
                getRequestedFor(urlEqualTo(LOOKUP))
                        .withHeader("Authorization", equalTo("Bearer li-token-1"))
                        .withHeader("LinkedIn-Version", equalTo("202509"))
                        .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                        .withHeader("X-RestLi-Method", equalTo("FINDER")));
        linkedin.verify(
                1,
                postRequestedFor(urlEqualTo("/rest/images?action=initializeUpload"))
                        .withHeader("LinkedIn-Version", equalTo("202509"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"initializeUploadRequest\": {\"owner\": \""
                                                + ORG
                                                + "\"}}")));
        linkedin.verify(
                1,
                putRequestedFor(urlPathEqualTo("/dms-uploads/sp/v2/D4E10AQ/uploaded-image/0"))
                        .withHeader("Authorization", equalTo("Bearer li-token-1"))
                        .withRequestBody(binaryEqualTo(SocialTestHttp.image().png())));
        linkedin.verify(
                1,
                postRequestedFor(urlEqualTo("/rest/posts"))
                        .withHeader("Authorization", equalTo("Bearer li-token-1"))
                        .withHeader("LinkedIn-Version", equalTo("202509"))
                        .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"author\": \""
                                                + ORG
                                                + "\", \"commentary\": \""
                                                + COMMENTARY
                                                        .replace("\\", "\\\\")
                                                        .replace("\n", "\\n")
                                                + "\", \"visibility\": \"PUBLIC\","
                                                + " \"distribution\": {\"feedDistribution\":"
                                                + " \"MAIN_FEED\", \"targetEntities\": [],"
                                                + " \"thirdPartyDistributionChannels\": []},"
                                                + " \"content\": {\"media\": {\"id\": \""
                                                + IMAGE
                                                + "\", \"altText\": \"Celebration card: eTwinning"
                                                + " counts 1,000,000 teachers.\"}},"
                                                + " \"lifecycleState\": \"PUBLISHED\","
                                                + " \"isReshareDisabledByAuthor\": false}")));
    }

    @Test
    void shouldFindTheFirstPostAfterAnAmbiguousFailureAndNotPostAgain() {
        linkedin.stubFor(
                get(urlPathEqualTo("/rest/posts"))
                        .inScenario("ambiguous")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(noPosts()));
        linkedin.stubFor(
                post("/rest/posts")
                        .inScenario("ambiguous")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(error(504, "GATEWAY_TIMEOUT", "Request timed out"))
                        .willSetStateTo("posted"));
        linkedin.stubFor(
                get(urlPathEqualTo("/rest/posts"))
                        .inScenario("ambiguous")
                        .whenScenarioStateIs("posted")
                        .willReturn(thePost()));

        PublishedPost published = publish();

        assertThat(published.alreadyPosted()).isTrue();
        assertThat(published.postId()).isEqualTo(SHARE);
        linkedin.verify(1, postRequestedFor(urlEqualTo("/rest/posts")));
    }

    @Test
    void shouldWaitAsLongAsThe429AsksThenPostOnce() {
        linkedin.stubFor(get(urlPathEqualTo("/rest/posts")).willReturn(noPosts()));
        linkedin.stubFor(
                post("/rest/posts")
                        .inScenario("rate")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                error(429, "TOO_MANY_REQUESTS", "Resource level throttle limit")
                                        .withHeader("Retry-After", "4"))
                        .willSetStateTo("open"));
        linkedin.stubFor(
                post("/rest/posts")
                        .inScenario("rate")
                        .whenScenarioStateIs("open")
                        .willReturn(created()));

        assertThat(publish().postId()).isEqualTo(SHARE);

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(4));
        linkedin.verify(2, postRequestedFor(urlEqualTo("/rest/posts")));
    }

    @Test
    void shouldRejectAnExpiredTokenSayingToRenewIt() {
        linkedin.stubFor(
                get(urlPathEqualTo("/rest/posts"))
                        .willReturn(
                                error(
                                        401,
                                        "EXPIRED_ACCESS_TOKEN",
                                        "The token used in the request has expired")));

        assertThatThrownBy(this::publish)
                .isInstanceOfSatisfying(
                        SocialPostRejectedException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(401);
                            assertThat(e.reason())
                                    .isEqualTo(
                                            "The token used in the request has expired — "
                                                    + GraphApiError.RENEW);
                        });
        linkedin.verify(0, postRequestedFor(urlEqualTo("/rest/posts")));
    }
}
