package io.milestones.notifier.webhooks;

import io.milestones.notifier.email.MessageIds;
import io.milestones.notifier.suppression.Bounce;
import io.milestones.notifier.suppression.BounceType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SendGrid signed Event Webhook at {@code POST /api/webhooks/sendgrid}: the ECDSA (P-256,
 * SHA-256) signature in {@code X-Twilio-Email-Event-Webhook-Signature} must verify over the {@code
 * X-Twilio-Email-Event-Webhook-Timestamp} followed by the raw body, with the public key SendGrid
 * shows; a timestamp outside the allowed age is a replay. The body is an array of events; {@code
 * bounce} (type {@code bounce}: hard, {@code blocked}: soft) and {@code spamreport} count, each
 * once by its {@code sg_event_id}.
 */
@RestController
class SendgridWebhookController {

    static final String SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";
    private static final String PROVIDER = "sendgrid";

    private final WebhookProperties.Sendgrid properties;
    private final WebhookIntake intake;
    private final Clock clock;
    private final PublicKey key;

    SendgridWebhookController(WebhookProperties properties, WebhookIntake intake, Clock clock) {
        this.properties = properties.sendgrid();
        this.intake = intake;
        this.clock = clock;
        this.key = this.properties.enabled() ? publicKey(this.properties.publicKey()) : null;
    }

    @PostMapping("/api/webhooks/sendgrid")
    ResponseEntity<Void> receive(
            @RequestHeader(name = SIGNATURE, required = false) String signature,
            @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
            @RequestBody byte[] body) {
        if (!properties.enabled()) {
            throw WebhookRejected.disabled();
        }
        if (signature == null || timestamp == null || !verifies(signature, timestamp, body)) {
            throw WebhookRejected.unauthorized(SIGNATURE + ": missing or does not verify");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(properties.maxAge()) > 0) {
            throw WebhookRejected.replay(TIMESTAMP + ": outside the allowed age, a replay");
        }
        JsonNode events = parse(body);
        for (JsonNode event : events) { // all checked before any is recorded
            if (event.path("sg_event_id").asString("").isBlank()
                    || !event.path("email").asString("").contains("@")) {
                throw WebhookRejected.malformed("sg_event_id, email: missing");
            }
        }
        int fresh = 0;
        for (JsonNode event : events) {
            String eventId = event.path("sg_event_id").asString();
            if (intake.accept(PROVIDER, eventId, bounce(event, eventId))) {
                fresh++;
            }
        }
        if (fresh == 0 && !events.isEmpty()) {
            throw WebhookRejected.replay("sg_event_id: every event handled before");
        }
        return ResponseEntity.ok().build();
    }

    private static List<Bounce> bounce(JsonNode event, String eventId) {
        String kind = event.path("event").asString("");
        BounceType type;
        if ("spamreport".equals(kind)) {
            type = BounceType.COMPLAINT;
        } else if ("bounce".equals(kind)) {
            type =
                    "blocked".equals(event.path("type").asString("bounce"))
                            ? BounceType.SOFT
                            : BounceType.HARD;
        } else {
            return List.of(); // delivered, open, deferred, ...: nothing to do
        }
        String milestoneId =
                MessageIds.milestoneOf(event.path("smtp-id").asString("")).orElse(null);
        return List.of(
                new Bounce(
                        event.path("email").asString(),
                        type,
                        PROVIDER,
                        milestoneId,
                        milestoneId != null ? milestoneId : eventId,
                        kind
                                + " "
                                + event.path("status").asString("")
                                + " "
                                + event.path("reason").asString("")));
    }

    private boolean verifies(String signature, String timestamp, byte[] body) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(key);
            ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
            ecdsa.update(body);
            return ecdsa.verify(Base64.getDecoder().decode(signature))
                    && timestamp.matches("\\d{1,12}");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JsonMapper.shared().readTree(body);
            if (node == null || !node.isArray()) {
                throw WebhookRejected.malformed("body: not a JSON array of events");
            }
            return node;
        } catch (JacksonException e) {
            throw WebhookRejected.malformed("body: not JSON");
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            String der = base64.replaceAll("-----[A-Z ]+-----|\\s", "");
            return KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(der)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "milestones.webhooks.sendgrid.public-key: not a base64 EC public key", e);
        }
    }
}
