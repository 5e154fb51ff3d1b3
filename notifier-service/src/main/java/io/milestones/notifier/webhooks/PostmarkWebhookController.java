package io.milestones.notifier.webhooks;

import io.milestones.notifier.suppression.Bounce;
import io.milestones.notifier.suppression.BounceType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Postmark's bounce and spam-complaint webhooks at {@code POST /api/webhooks/postmark}. Postmark
 * signs nothing; it sends the credentials put on the webhook URL as HTTP basic auth, checked here.
 * Each record counts once by its {@code RecordType} and {@code ID}.
 */
@RestController
class PostmarkWebhookController {

    private static final String PROVIDER = "postmark";
    private static final Set<String> HARD = Set.of("HardBounce", "BadEmailAddress");
    private static final Set<String> SOFT = Set.of("SoftBounce", "Transient", "DnsError");

    private final WebhookProperties.Postmark properties;
    private final WebhookIntake intake;

    PostmarkWebhookController(WebhookProperties properties, WebhookIntake intake) {
        this.properties = properties.postmark();
        this.intake = intake;
    }

    @PostMapping("/api/webhooks/postmark")
    ResponseEntity<Void> receive(
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody byte[] body) {
        if (!properties.enabled()) {
            throw WebhookRejected.disabled();
        }
        if (!authorised(authorization)) {
            throw WebhookRejected.unauthorized("Authorization: basic credentials missing or wrong");
        }
        JsonNode record = parse(body);
        String recordType = record.path("RecordType").asString("");
        String id = record.path("ID").asString("");
        String email = record.path("Email").asString("");
        if (recordType.isBlank() || id.isBlank() || !email.contains("@")) {
            throw WebhookRejected.malformed("RecordType, ID, Email: missing");
        }
        if (!intake.accept(PROVIDER, recordType + ":" + id, bounce(record, email, id))) {
            throw WebhookRejected.replay("ID: handled before");
        }
        return ResponseEntity.ok().build();
    }

    private static List<Bounce> bounce(JsonNode record, String email, String id) {
        String type = record.path("Type").asString("");
        BounceType kind;
        if ("SpamComplaint".equals(record.path("RecordType").asString(""))
                || "SpamComplaint".equals(type)) {
            kind = BounceType.COMPLAINT;
        } else if (HARD.contains(type)) {
            kind = BounceType.HARD;
        } else if (SOFT.contains(type)) {
            kind = BounceType.SOFT;
        } else {
            return List.of(); // AutoResponder, Unsubscribe, ...: no bounce of the address
        }
        return List.of(
                new Bounce(
                        email,
                        kind,
                        PROVIDER,
                        null,
                        "postmark:" + id,
                        type + " " + record.path("Description").asString("")));
    }

    private boolean authorised(String authorization) {
        if (properties.username().isEmpty() || authorization == null) {
            return false;
        }
        String expected =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (properties.username() + ":" + properties.password())
                                                .getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                authorization.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JsonMapper.shared().readTree(body);
            if (node == null || !node.isObject()) {
                throw WebhookRejected.malformed("body: not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw WebhookRejected.malformed("body: not JSON");
        }
    }
}
