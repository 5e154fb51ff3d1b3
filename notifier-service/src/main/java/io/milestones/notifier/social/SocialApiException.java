package io.milestones.notifier.social;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error answer of a network's API, classified: 429, 408 and 5xx are transient, every other
 * status permanent. The reason comes from the network's error body: Mastodon {@code {"error":
 * "..."}}, Bluesky {@code {"error": "ExpiredToken", "message": "..."}}, X {@code {"title": ...,
 * "detail": "..."}}, Meta's Graph API {@code {"error": {"message", "type", "code",
 * "error_subcode"}}} (see {@link GraphApiError}).
 */
class SocialApiException extends RuntimeException {

    private static final int MAX_REASON = 300;

    private final String network;
    private final int status;
    private final String error;
    private final String reason;
    private final Duration retryAfter;
    private final boolean throttled;

    SocialApiException(
            String network, int status, String error, String reason, Duration retryAfter) {
        this(network, status, error, reason, retryAfter, false);
    }

    /**
     * @param throttled the network said "slow down" in its body rather than by status (the Graph
     *     API answers rate limits with 400 and an error code): transient whatever the status
     */
    SocialApiException(
            String network,
            int status,
            String error,
            String reason,
            Duration retryAfter,
            boolean throttled) {
        super(network + " answered " + status + ": " + reason);
        this.network = network;
        this.status = status;
        this.error = error;
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.throttled = throttled;
    }

    static SocialApiException from(String network, ClientHttpResponse response, Instant now)
            throws IOException {
        int status = response.getStatusCode().value();
        String body = read(response.getBody());
        JsonNode json = parse(body);
        if (json != null && json.path("error").isObject()) {
            return GraphApiError.classify(
                    network, status, json.path("error"), response.getHeaders(), now);
        }
        String error = text(json, "error");
        String reason =
                firstOf(text(json, "detail"), text(json, "message"), error, text(json, "title"));
        if (error != null && reason != null && !reason.equals(error) && !error.contains(" ")) {
            reason = error + ": " + reason;
        }
        if (reason == null) {
            reason = body.isBlank() ? response.getStatusText() : body;
        }
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "…";
        }
        Duration wait = status == 429 ? RateLimitReset.waitOf(response.getHeaders(), now) : null;
        return new SocialApiException(network, status, error, reason, wait);
    }

    int status() {
        return status;
    }

    /** The machine-readable error name when the network gives one (Bluesky: ExpiredToken). */
    String error() {
        return error;
    }

    String reason() {
        return reason;
    }

    /** The wait a 429 asked for, or {@code null}. */
    Duration retryAfter() {
        return retryAfter;
    }

    boolean isTransient() {
        return throttled || status == 429 || status == 408 || status >= 500;
    }

    SocialPostRejectedException rejected() {
        var rejected = new SocialPostRejectedException(network, status, reason);
        rejected.initCause(this);
        return rejected;
    }

    private static String read(InputStream body) throws IOException {
        return body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? null : JsonMapper.shared().readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        if (json == null || !json.path(field).isString()) {
            return null;
        }
        String value = json.path(field).asString();
        return value.isBlank() ? null : value;
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
