package io.milestones.notifier.social;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's Graph API errors (Facebook Pages, Instagram): {@code {"error": {"message": ..., "type":
 * "OAuthException", "code": 190, "error_subcode": 463, "is_transient": false, "fbtrace_id": ...}}},
 * classified by code rather than by HTTP status, which is 400 for most of them:
 *
 * <ul>
 *   <li>rate limits — 4 (app), 9 (Instagram publishing limit, subcode 2207042), 17 (user), 32
 *       (Page), 613, 80001/80002 (business use case) — and {@code is_transient} or codes 1, 2 are
 *       transient; the wait is the largest {@code estimated_time_to_regain_access} (minutes) of
 *       {@code X-Business-Use-Case-Usage}, else none (back-off);
 *   <li>190 (invalid or expired token, subcode 463 expired, 460 password changed, 467 invalid) and
 *       102 (API session: login status or token expired or revoked) are permanent, and their reason
 *       says to renew the token;
 *   <li>everything else is what its HTTP status says.
 * </ul>
 */
final class GraphApiError {

    static final String RENEW =
            "renew the access token (docs/operations.md, Renewing social network tokens)";

    private static final Set<Integer> THROTTLED = Set.of(1, 2, 4, 9, 17, 32, 613, 80001, 80002);
    private static final Set<Integer> TOKEN = Set.of(190, 102);

    private GraphApiError() {}

    static SocialApiException classify(
            String network, int status, JsonNode error, HttpHeaders headers, Instant now) {
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String type = error.path("type").asString("GraphError");
        String message = error.path("message").asString("");
        String reason = type + " " + code + (subcode == 0 ? "" : "/" + subcode) + ": " + message;
        if (TOKEN.contains(code)) {
            return new SocialApiException(network, status, type, reason + " — " + RENEW, null);
        }
        boolean throttled = THROTTLED.contains(code) || error.path("is_transient").asBoolean(false);
        Duration wait = throttled ? regainAccess(headers) : null;
        String appUsage = headers.getFirst("X-App-Usage");
        if (throttled && appUsage != null) {
            reason = reason + " (X-App-Usage " + appUsage + ")";
        }
        return new SocialApiException(network, status, type, reason, wait, throttled);
    }

    /**
     * {@code X-Business-Use-Case-Usage: {"<id>": [{"type": "pages", "call_count": 100, ...,
     * "estimated_time_to_regain_access": 5}]}}: the longest wait in minutes, or {@code null}.
     */
    static Duration regainAccess(HttpHeaders headers) {
        String usage = headers.getFirst("X-Business-Use-Case-Usage");
        // X-App-Usage ({"call_count": 100, ...} in percent) gives no time: back off instead
        if (usage == null) {
            return null;
        }
        long minutes = -1;
        try {
            for (JsonNode entries : JsonMapper.shared().readTree(usage)) {
                for (JsonNode entry : entries) {
                    minutes =
                            Math.max(
                                    minutes,
                                    entry.path("estimated_time_to_regain_access").asLong(-1));
                }
            }
        } catch (RuntimeException unreadable) {
            return null;
        }
        return minutes < 0 ? null : Duration.ofMinutes(minutes);
    }
}
