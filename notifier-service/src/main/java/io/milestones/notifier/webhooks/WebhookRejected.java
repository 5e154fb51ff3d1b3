package io.milestones.notifier.webhooks;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A webhook call refused before anything changed: unsigned, badly signed, replayed, malformed. */
final class WebhookRejected extends ResponseStatusException {

    private WebhookRejected(HttpStatus status, String reason) {
        super(status, reason);
    }

    static WebhookRejected unauthorized(String reason) {
        return new WebhookRejected(HttpStatus.UNAUTHORIZED, reason);
    }

    static WebhookRejected forbidden(String reason) {
        return new WebhookRejected(HttpStatus.FORBIDDEN, reason);
    }

    static WebhookRejected malformed(String reason) {
        return new WebhookRejected(HttpStatus.BAD_REQUEST, reason);
    }

    static WebhookRejected replay(String reason) {
        return new WebhookRejected(HttpStatus.CONFLICT, reason);
    }

    static WebhookRejected disabled() {
        return new WebhookRejected(HttpStatus.NOT_FOUND, "webhook not enabled");
    }
}
