package io.milestones.notifier.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * One Bluesky session, reused across posts: created with {@code com.atproto.server.createSession}
 * (app password) on first use; when a call answers {@code 400 ExpiredToken} it is refreshed once
 * with {@code com.atproto.server.refreshSession} (the refresh token as bearer) and the call is
 * repeated; when the refresh token has expired too, a new session is created.
 */
class BlueskySession {

    private static final Logger log = LoggerFactory.getLogger(BlueskySession.class);

    private final RestClient client;
    private final BlueskyProperties properties;
    private Tokens tokens;

    BlueskySession(RestClient client, BlueskyProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** The session's account and tokens. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tokens(String accessJwt, String refreshJwt, String handle, String did) {
        String bearer() {
            return "Bearer " + accessJwt;
        }
    }

    /** Runs {@code call} with a valid session, refreshing it once if its access token expired. */
    synchronized <T> T call(Function<Tokens, T> call) {
        if (tokens == null) {
            tokens = create();
        }
        try {
            return call.apply(tokens);
        } catch (SocialApiException e) {
            if (!isExpired(e)) {
                throw e;
            }
            log.info("Bluesky access token expired; refreshing the session");
            tokens = refresh();
            return call.apply(tokens);
        }
    }

    private Tokens create() {
        return client.post()
                .uri("/xrpc/com.atproto.server.createSession")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Credentials(properties.identifier(), properties.appPassword()))
                .retrieve()
                .body(Tokens.class);
    }

    private Tokens refresh() {
        try {
            return client.post()
                    .uri("/xrpc/com.atproto.server.refreshSession")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.refreshJwt())
                    .retrieve()
                    .body(Tokens.class);
        } catch (SocialApiException e) {
            if (!isExpired(e) && !"InvalidToken".equals(e.error())) {
                throw e;
            }
            log.info("Bluesky refresh token no longer valid; creating a new session");
            return create();
        }
    }

    /** The PDS answers an expired access token with 400 (not 401) and error ExpiredToken. */
    private static boolean isExpired(SocialApiException e) {
        return (e.status() == 400 || e.status() == 401) && "ExpiredToken".equals(e.error());
    }

    record Credentials(String identifier, String password) {}
}
