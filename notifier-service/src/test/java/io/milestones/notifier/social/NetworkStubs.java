package io.milestones.notifier.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * The six networks on one WireMock server (their paths do not overlap: the Graph API paths start
 * with the Page's or the Instagram account's id), answering as the real services do, including how
 * each one treats a repeated post: Mastodon returns the same status for the same Idempotency-Key,
 * Bluesky's getRecord finds the record once created, X refuses the same text with 403 duplicate
 * content; Facebook, Instagram and LinkedIn are looked up before every attempt.
 */
final class NetworkStubs {

    static final String DID = "did:plc:u5cwb2mwiv2bfq53cjufe6yn";

    private NetworkStubs() {}

    static final String LINKEDIN_UPLOAD = "/dms-uploads/sp/v2/D4E10AQ/uploaded-image/0";

    static void all(WireMockExtension wm) {
        mastodon(wm);
        bluesky(wm);
        x(wm);
        facebook(wm);
        instagram(wm);
        linkedin(wm);
    }

    /** A Page with no post yet, then the photo post. */
    static void facebook(WireMockExtension wm) {
        wm.stubFor(
                get(urlPathEqualTo(FacebookPublisherIT.POSTS))
                        .willReturn(FacebookPublisherIT.noPosts()));
        wm.stubFor(post(FacebookPublisherIT.PHOTOS).willReturn(FacebookPublisherIT.created()));
    }

    /** An account with no media and 3 of 50 posts used; the container is ready at once. */
    static void instagram(WireMockExtension wm) {
        wm.stubFor(
                get(urlPathEqualTo(InstagramPublisherIT.MEDIA))
                        .willReturn(InstagramPublisherIT.noMedia()));
        wm.stubFor(
                get(urlPathEqualTo(InstagramPublisherIT.LIMIT))
                        .willReturn(InstagramPublisherIT.quota(3)));
        wm.stubFor(
                post(InstagramPublisherIT.MEDIA)
                        .willReturn(
                                okJson("{\"id\": \"" + InstagramPublisherIT.CONTAINER + "\"}")));
        wm.stubFor(
                get(urlPathEqualTo(InstagramPublisherIT.STATUS))
                        .willReturn(InstagramPublisherIT.status("FINISHED")));
        wm.stubFor(
                post(InstagramPublisherIT.PUBLISH)
                        .willReturn(okJson("{\"id\": \"17920238422030506\"}")));
    }

    /** An organization with no post yet; the image upload URL points back at this server. */
    static void linkedin(WireMockExtension wm) {
        wm.stubFor(get(urlPathEqualTo("/rest/posts")).willReturn(LinkedInPublisherIT.noPosts()));
        wm.stubFor(
                post(urlEqualTo("/rest/images?action=initializeUpload"))
                        .willReturn(
                                okJson(
                                        "{\"value\": {\"uploadUrlExpiresAt\": 1650567510704,"
                                                + " \"uploadUrl\": \""
                                                + wm.baseUrl()
                                                + LINKEDIN_UPLOAD
                                                + "\", \"image\": \""
                                                + LinkedInPublisherIT.IMAGE
                                                + "\"}}")));
        wm.stubFor(put(urlPathEqualTo(LINKEDIN_UPLOAD)).willReturn(aResponse().withStatus(201)));
        wm.stubFor(post("/rest/posts").willReturn(LinkedInPublisherIT.created()));
    }

    static void mastodon(WireMockExtension wm) {
        wm.stubFor(post("/api/v2/media").willReturn(okJson(MastodonPublisherIT.MEDIA)));
        wm.stubFor(post("/api/v1/statuses").willReturn(okJson(MastodonPublisherIT.STATUS)));
    }

    static void bluesky(WireMockExtension wm) {
        wm.stubFor(
                post("/xrpc/com.atproto.server.createSession")
                        .willReturn(okJson(BlueskyPublisherIT.session("access-1", "refresh-1"))));
        wm.stubFor(
                get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                        .inScenario("bluesky")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                BlueskyPublisherIT.error(
                                        400, "RecordNotFound", "Could not locate record")));
        wm.stubFor(
                get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                        .inScenario("bluesky")
                        .whenScenarioStateIs("created")
                        .willReturn(
                                okJson(
                                        "{\"uri\": \"at://"
                                                + DID
                                                + "/app.bsky.feed.post/x\", \"cid\": \"bafyrei\","
                                                + " \"value\": {}}")));
        wm.stubFor(
                post("/xrpc/com.atproto.repo.uploadBlob")
                        .willReturn(
                                okJson(
                                        "{\"blob\": {\"$type\": \"blob\", \"ref\": {\"$link\":"
                                                + " \"bafkreib\"}, \"mimeType\": \"image/png\","
                                                + " \"size\": 40000}}")));
        wm.stubFor(
                post("/xrpc/com.atproto.repo.createRecord")
                        .inScenario("bluesky")
                        .willReturn(
                                okJson(
                                        "{\"uri\": \"at://"
                                                + DID
                                                + "/app.bsky.feed.post/x\", \"cid\":"
                                                + " \"bafyrei\"}"))
                        .willSetStateTo("created"));
    }

    static void x(WireMockExtension wm) {
        wm.stubFor(post("/2/media/upload").willReturn(XPublisherIT.uploaded()));
        wm.stubFor(post("/2/media/metadata").willReturn(XPublisherIT.described()));
        wm.stubFor(
                post("/2/tweets")
                        .inScenario("x")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(XPublisherIT.created())
                        .willSetStateTo("posted"));
        wm.stubFor(
                post("/2/tweets")
                        .inScenario("x")
                        .whenScenarioStateIs("posted")
                        .willReturn(
                                XPublisherIT.problem(
                                        403,
                                        "Forbidden",
                                        "You are not allowed to create a Tweet with duplicate"
                                                + " content.")));
    }

    /** A 429 with {@code Retry-After} before Mastodon's first status, then the normal answer. */
    static void mastodonRateLimitedOnce(WireMockExtension wm, int retryAfterSeconds) {
        wm.stubFor(
                post("/api/v1/statuses")
                        .inScenario("mastodon rate")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader(
                                                "Retry-After", Integer.toString(retryAfterSeconds))
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"error\":\"Too many requests\"}"))
                        .willSetStateTo("open"));
        wm.stubFor(
                post("/api/v1/statuses")
                        .inScenario("mastodon rate")
                        .whenScenarioStateIs("open")
                        .willReturn(okJson(MastodonPublisherIT.STATUS)));
    }
}
