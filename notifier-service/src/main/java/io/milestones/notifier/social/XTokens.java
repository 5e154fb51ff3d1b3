package io.milestones.notifier.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * X's OAuth 2.0 user token and its refresh (decision 0407). X user tokens live two hours; with a
 * refresh token ({@code offline.access}) and the app's client id, an expired token is refreshed by
 * {@code POST /2/oauth2/token} (form {@code grant_type=refresh_token}, {@code refresh_token},
 * {@code client_id}; a confidential client authenticates with HTTP Basic {@code
 * client_id:client_secret}). X rotates the refresh token on every refresh, so the pair answered is
 * written to {@code token-file} at once (owner-only, replaced atomically) and read back at start-up
 * in preference to the configured tokens, which were used up by the first refresh.
 */
class XTokens {

    private static final Logger log = LoggerFactory.getLogger(XTokens.class);

    private final XProperties properties;
    private final RestClient client;
    private String accessToken;
    private String refreshToken;

    XTokens(XProperties properties, RestClient client) {
        this.properties = properties;
        this.client = client;
        this.accessToken = properties.accessToken();
        this.refreshToken = properties.refreshToken();
        Path file = properties.tokenFile();
        if (file != null && Files.isRegularFile(file)) {
            try {
                Stored stored = JsonMapper.shared().readValue(Files.readString(file), Stored.class);
                if (stored.accessToken() != null && stored.refreshToken() != null) {
                    this.accessToken = stored.accessToken();
                    this.refreshToken = stored.refreshToken();
                }
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "X token file {} unreadable ({}); using the configured tokens",
                        file,
                        e.getClass().getSimpleName());
            }
        }
    }

    synchronized String accessToken() {
        return accessToken;
    }

    /** Whether a refresh token and a client id are configured. */
    boolean canRefresh() {
        return properties.clientId() != null
                && !properties.clientId().isBlank()
                && refreshToken != null
                && !refreshToken.isBlank();
    }

    /**
     * Replaces {@code expired} by a fresh token, unless another post did so meanwhile.
     *
     * @return whether a token other than {@code expired} is now there to try
     */
    synchronized boolean refresh(String expired) {
        if (!expired.equals(accessToken)) {
            return true;
        }
        if (!canRefresh()) {
            return false;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        form.add("client_id", properties.clientId());
        try {
            var request =
                    client.post()
                            .uri("/2/oauth2/token")
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED);
            if (properties.clientSecret() != null && !properties.clientSecret().isBlank()) {
                String basic = properties.clientId() + ":" + properties.clientSecret();
                request =
                        request.header(
                                HttpHeaders.AUTHORIZATION,
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        basic.getBytes(StandardCharsets.UTF_8)));
            }
            Answer answer = request.body(form).retrieve().body(Answer.class);
            if (answer == null || answer.accessToken() == null) {
                log.error("X token refresh answered no access_token");
                return false;
            }
            accessToken = answer.accessToken();
            if (answer.refreshToken() != null) {
                refreshToken = answer.refreshToken();
            }
            store();
            log.info("X access token refreshed (valid {} s)", answer.expiresIn());
            return true;
        } catch (SocialApiException e) {
            log.error("X token refresh refused: {} {}", e.status(), e.error());
            return false;
        } catch (RestClientException e) {
            log.error("X token refresh failed: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private void store() {
        Path file = properties.tokenFile();
        if (file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".x-token", ".tmp");
            try {
                temp.toFile().setReadable(false, false);
                temp.toFile().setReadable(true, true);
                temp.toFile().setWritable(false, false);
                temp.toFile().setWritable(true, true);
            } catch (SecurityException ignored) {
                // best effort
            }
            Files.writeString(
                    temp,
                    JsonMapper.shared()
                            .writeValueAsString(
                                    Map.of(
                                            "access_token", accessToken,
                                            "refresh_token", refreshToken)));
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // the new pair works in this process; after a restart the runbook's manual step
            log.error("Cannot keep the rotated X refresh token in {}: {}", file, e.toString());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("expires_in") Long expiresIn,
            String scope) {}
}
