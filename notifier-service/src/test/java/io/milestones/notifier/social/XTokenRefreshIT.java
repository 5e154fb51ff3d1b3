package io.milestones.notifier.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.milestones.notifier.social.XPublisherIT.TEXT;
import static io.milestones.notifier.social.XPublisherIT.created;
import static io.milestones.notifier.social.XPublisherIT.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * X's expired two-hour token refreshed by {@code POST /2/oauth2/token} ({@code
 * grant_type=refresh_token}), the rotated refresh token kept in the token file, the post retried
 * once with the new token (decision 0407).
 */
class XTokenRefreshIT {

    @RegisterExtension
    static WireMockExtension x =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir Path dir;

    private XPublisher publisher(String clientSecret) {
        return new XPublisher(
                new XProperties(
                        true,
                        URI.create(x.baseUrl()),
                        "user-token-1",
                        "refresh-1",
                        "client-1",
                        clientSecret,
                        dir.resolve("x-oauth2-token.json")),
                SocialTestHttp.http(new SocialTestHttp.RecordingSleeper()));
    }

    private static SocialPost milestonePost() {
        return SocialTestHttp.post("global:1000000", TEXT, Locale.ENGLISH, null);
    }

    private static void tweetsAccept(String token) {
        x.stubFor(
                post("/2/tweets")
                        .withHeader("Authorization", equalTo("Bearer user-token-1"))
                        .willReturn(problem(401, "Unauthorized", "Unauthorized")));
        x.stubFor(
                post("/2/tweets")
                        .withHeader("Authorization", equalTo("Bearer " + token))
                        .willReturn(created()));
    }

    @Test
    void shouldRefreshAnExpiredTokenKeepTheRotatedRefreshTokenAndPostOnce() throws Exception {
        tweetsAccept("user-token-2");
        x.stubFor(
                post("/2/oauth2/token")
                        .willReturn(
                                okJson(
                                        "{\"token_type\":\"bearer\",\"expires_in\":7200,"
                                                + "\"access_token\":\"user-token-2\","
                                                + "\"scope\":\"tweet.write media.write"
                                                + " users.read offline.access\","
                                                + "\"refresh_token\":\"refresh-2\"}")));

        PublishedPost published = publisher(null).publish(milestonePost());

        assertThat(published.postId()).isEqualTo("1445880548472328192");
        x.verify(
                1,
                postRequestedFor(urlEqualTo("/2/oauth2/token"))
                        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                        .withoutHeader("Authorization")
                        .withFormParam("grant_type", equalTo("refresh_token"))
                        .withFormParam("refresh_token", equalTo("refresh-1"))
                        .withFormParam("client_id", equalTo("client-1")));
        x.verify(2, postRequestedFor(urlEqualTo("/2/tweets")));
        x.verify(
                1,
                postRequestedFor(urlEqualTo("/2/tweets"))
                        .withHeader("Authorization", equalTo("Bearer user-token-2")));
        assertThat(Files.readString(dir.resolve("x-oauth2-token.json")))
                .contains("\"refresh_token\":\"refresh-2\"")
                .contains("\"access_token\":\"user-token-2\"");

        // After a restart the kept pair is used: no refresh with the spent refresh-1.
        x.resetRequests();
        publisher(null).publish(milestonePost());
        x.verify(0, postRequestedFor(urlEqualTo("/2/oauth2/token")));
        x.verify(
                1,
                postRequestedFor(urlEqualTo("/2/tweets"))
                        .withHeader("Authorization", equalTo("Bearer user-token-2")));
    }

    @Test
    void shouldAuthenticateAConfidentialClientWithBasic() {
        tweetsAccept("user-token-3");
        x.stubFor(
                post("/2/oauth2/token")
                        .withBasicAuth("client-1", "secret-1")
                        .willReturn(
                                okJson(
                                        "{\"token_type\":\"bearer\",\"expires_in\":7200,"
                                                + "\"access_token\":\"user-token-3\","
                                                + "\"refresh_token\":\"refresh-3\"}")));

        assertThat(publisher("secret-1").publish(milestonePost()).postId())
                .isEqualTo("1445880548472328192");
    }

    @Test
    void shouldRejectWithTheRunbookStepWhenTheRefreshFails() {
        tweetsAccept("never");
        x.stubFor(
                post("/2/oauth2/token")
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":\"invalid_request\",\"error_description\":"
                                                        + "\"Value passed for the token was"
                                                        + " invalid.\"}")));

        assertThatThrownBy(() -> publisher(null).publish(milestonePost()))
                .isInstanceOfSatisfying(
                        SocialPostRejectedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(
                                                "Unauthorized (token refresh failed) — renew the"
                                                        + " access token (docs/operations.md,"
                                                        + " Renewing social network tokens)"));
        x.verify(1, postRequestedFor(urlEqualTo("/2/oauth2/token")));
        x.verify(1, postRequestedFor(urlEqualTo("/2/tweets")));
    }
}
