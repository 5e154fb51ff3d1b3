package io.milestones.notifier.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bluesky's XRPC endpoints (createSession, refreshSession, getRecord, uploadBlob, createRecord).
 */
class BlueskyPublisherIT {

    @RegisterExtension
    static WireMockExtension pds =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String DID = "did:plc:u5cwb2mwiv2bfq53cjufe6yn";
    static final String TEXT =
            "🎉 eTwinning zählt 1.000 Lehrkräfte in Österreich!\n\n"
                    + "Was ist das beste Ergebnis?\n\nhttps://example.org/etwinning\n\n"
                    + "#1KeTwinners #eTwinners";
    static final String MILESTONE = "country:AT:1000";
    static final String RKEY =
            BlueskyRecordKey.of(MILESTONE, Instant.parse("2021-12-03T10:15:30Z"));

    private final SocialTestHttp.RecordingSleeper sleeper = new SocialTestHttp.RecordingSleeper();

    private BlueskyPublisher publisher() {
        return new BlueskyPublisher(
                new BlueskyProperties(
                        true, URI.create(pds.baseUrl()), "etwinning.bsky.social", "app-pass-1"),
                SocialTestHttp.http(sleeper));
    }

    static String session(String access, String refresh) {
        return """
               {"accessJwt": "%s", "refreshJwt": "%s", "handle": "etwinning.bsky.social",
                "did": "%s", "email": "ops@etwinning.example", "emailConfirmed": true,
                "active": true}
               """
                .formatted(access, refresh, DID);
    }

    static String created() {
        return """
               {"uri": "at://%s/app.bsky.feed.post/%s",
                "cid": "bafyreibjifzpqj6o6wcq3hejh7y4z4z2vmiklkvykc57tw3pcbx3kxifpm",
                "commit": {"cid": "bafyreid", "rev": "3l5m6nr2abc2k"},
                "validationStatus": "valid"}
               """
                .formatted(DID, RKEY);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
            int status, String error, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }

    @BeforeEach
    void pds() {
        pds.stubFor(
                post("/xrpc/com.atproto.server.createSession")
                        .willReturn(okJson(session("access-1", "refresh-1"))));
        pds.stubFor(
                get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                        .inScenario("record")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                error(
                                        400,
                                        "RecordNotFound",
                                        "Could not locate record: at://"
                                                + DID
                                                + "/app.bsky.feed.post/"
                                                + RKEY)));
        pds.stubFor(
                get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                        .inScenario("record")
                        .whenScenarioStateIs("created")
                        .willReturn(
                                okJson(
                                        """
                                        {"uri": "at://%s/app.bsky.feed.post/%s",
                                         "cid": "bafyreibjifzpqj6o6wcq3hejh7y4z4z2vmiklkvykc57tw3pcbx3kxifpm",
                                         "value": {"$type": "app.bsky.feed.post", "text": "..."}}
                                        """
                                                .formatted(DID, RKEY))));
        pds.stubFor(
                post("/xrpc/com.atproto.repo.uploadBlob")
                        .willReturn(
                                okJson(
                                        """
                                        {"blob": {"$type": "blob",
                                          "ref": {"$link": "bafkreibabalobzn6cd366ukcsjycp4yymjymgfxcv6xczmlgpemzkz3cfa"},
                                          "mimeType": "image/png", "size": 8}}
                                        """)));
    }

    private void createRecordAnswers(String authorization) {
        pds.stubFor(
                post("/xrpc/com.atproto.repo.createRecord")
                        .withHeader("Authorization", equalTo(authorization))
                        .inScenario("record")
                        .willReturn(okJson(created()))
                        .willSetStateTo("created"));
    }

    private static SocialPost milestonePost(SocialImage image) {
        return SocialTestHttp.post(MILESTONE, TEXT, Locale.GERMAN, image);
    }

    @Test
    void shouldCreateOneRecordWithLangsFacetsAtUtf8ByteOffsetsAndTheCard() {
        createRecordAnswers("Bearer access-1");

        PublishedPost published = publisher().publish(milestonePost(SocialTestHttp.image()));

        assertThat(published.postId()).isEqualTo("at://" + DID + "/app.bsky.feed.post/" + RKEY);
        assertThat(published.url())
                .isEqualTo("https://bsky.app/profile/etwinning.bsky.social/post/" + RKEY);
        pds.verify(
                postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.createSession"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"identifier\": \"etwinning.bsky.social\","
                                                + " \"password\": \"app-pass-1\"}")));
        pds.verify(
                postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.uploadBlob"))
                        .withHeader("Authorization", equalTo("Bearer access-1"))
                        .withHeader("Content-Type", equalTo("image/png")));
        int link = bytesBefore("https://");
        int tag1 = bytesBefore("#1KeTwinners");
        int tag2 = bytesBefore("#eTwinners");
        pds.verify(
                1,
                postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                        .withRequestBody(
                                equalToJson(
                                        """
                                        {"repo": "%s", "collection": "app.bsky.feed.post", "rkey": "%s",
                                         "record": {
                                           "$type": "app.bsky.feed.post",
                                           "text": %s,
                                           "createdAt": "2021-12-03T10:15:35Z",
                                           "langs": ["de"],
                                           "facets": [
                                             {"index": {"byteStart": %d, "byteEnd": %d},
                                              "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.org/etwinning"}]},
                                             {"index": {"byteStart": %d, "byteEnd": %d},
                                              "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "1KeTwinners"}]},
                                             {"index": {"byteStart": %d, "byteEnd": %d},
                                              "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "eTwinners"}]}
                                           ],
                                           "embed": {"$type": "app.bsky.embed.images", "images": [{
                                             "image": {"$type": "blob", "ref": {"$link": "bafkreibabalobzn6cd366ukcsjycp4yymjymgfxcv6xczmlgpemzkz3cfa"}, "mimeType": "image/png", "size": 8},
                                             "alt": "Celebration card: eTwinning counts 1,000,000 teachers.",
                                             "aspectRatio": {"width": 1200, "height": 675}}]}
                                         }}
                                        """
                                                .formatted(
                                                        DID,
                                                        RKEY,
                                                        json(TEXT),
                                                        link,
                                                        link + 29,
                                                        tag1,
                                                        tag1 + 12,
                                                        tag2,
                                                        tag2 + 10))));
        // "🎉" (2 UTF-16 units, 4 bytes), "ä", "ä", "Ö" (1 unit, 2 bytes each) precede the link.
        assertThat(link).isEqualTo(TEXT.indexOf("https://") + 2 + 1 + 1 + 1);
    }

    @Test
    void shouldReuseOneSessionForSeveralPosts() {
        createRecordAnswers("Bearer access-1");
        var publisher = publisher();

        publisher.publish(milestonePost(null));
        publisher.publish(milestonePost(null));

        pds.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.createSession")));
    }

    @Test
    void shouldRefreshAnExpiredSessionOnceAndRepeatTheCall() {
        pds.stubFor(
                post("/xrpc/com.atproto.repo.createRecord")
                        .withHeader("Authorization", equalTo("Bearer access-1"))
                        .willReturn(error(400, "ExpiredToken", "Token has expired")));
        pds.stubFor(
                post("/xrpc/com.atproto.server.refreshSession")
                        .withHeader("Authorization", equalTo("Bearer refresh-1"))
                        .willReturn(okJson(session("access-2", "refresh-2"))));
        createRecordAnswers("Bearer access-2");

        PublishedPost published = publisher().publish(milestonePost(null));

        assertThat(published.alreadyPosted()).isFalse();
        pds.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.refreshSession")));
        pds.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.createSession")));
        pds.verify(
                1,
                postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                        .withHeader("Authorization", equalTo("Bearer access-2")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void shouldFindThePostAfterARestartInsteadOfPostingAgain() {
        createRecordAnswers("Bearer access-1");
        publisher().publish(milestonePost(SocialTestHttp.image()));

        // The process died before recording the outcome: a fresh one publishes the same milestone.
        PublishedPost again = publisher().publish(milestonePost(SocialTestHttp.image()));

        assertThat(again.alreadyPosted()).isTrue();
        pds.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord")));
        pds.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.uploadBlob")));
    }

    @Test
    void shouldTreatAnErrorForAnExistingRecordKeyAsAlreadyPosted() {
        // Today's PDS answers createRecord for an existing key with a 500.
        pds.stubFor(
                post("/xrpc/com.atproto.repo.createRecord")
                        .inScenario("record")
                        .willReturn(error(500, "InternalServerError", "Internal Server Error"))
                        .willSetStateTo("created"));

        PublishedPost published = publisher().publish(milestonePost(null));

        assertThat(published.alreadyPosted()).isTrue();
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void shouldWaitUntilRatelimitResetThenPostOnce() {
        pds.stubFor(
                post("/xrpc/com.atproto.repo.createRecord")
                        .inScenario("rate")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                error(429, "RateLimitExceeded", "Rate Limit Exceeded")
                                        .withHeader("ratelimit-limit", "5000")
                                        .withHeader("ratelimit-remaining", "0")
                                        .withHeader(
                                                "ratelimit-reset",
                                                Long.toString(
                                                        SocialFixtures.NOW.getEpochSecond() + 12))
                                        .withHeader("ratelimit-policy", "5000;w=3600"))
                        .willSetStateTo("limited"));
        pds.stubFor(
                post("/xrpc/com.atproto.repo.createRecord")
                        .inScenario("rate")
                        .whenScenarioStateIs("limited")
                        .willReturn(okJson(created())));

        assertThat(publisher().publish(milestonePost(null)).alreadyPosted()).isFalse();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(12));
        pds.verify(2, postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord")));
    }

    @Test
    void shouldRejectAWrongAppPasswordWithTheReason() {
        pds.stubFor(
                post("/xrpc/com.atproto.server.createSession")
                        .willReturn(
                                error(
                                        401,
                                        "AuthenticationRequired",
                                        "Invalid identifier or password")));

        assertThatThrownBy(() -> publisher().publish(milestonePost(null)))
                .isInstanceOfSatisfying(
                        SocialPostRejectedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(
                                                "AuthenticationRequired: Invalid identifier or"
                                                        + " password"));
    }

    @Test
    void shouldDeriveAStableValidTidFromTheMilestone() {
        Instant reached = Instant.parse("2021-12-03T10:15:30Z");

        String key = BlueskyRecordKey.of("global:1000000", reached);

        assertThat(key).matches("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");
        assertThat(BlueskyRecordKey.of("global:1000000", reached)).isEqualTo(key);
        assertThat(BlueskyRecordKey.of("country:IT:100", reached)).isNotEqualTo(key);
    }

    private static int bytesBefore(String part) {
        return TEXT.substring(0, TEXT.indexOf(part)).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String json(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
