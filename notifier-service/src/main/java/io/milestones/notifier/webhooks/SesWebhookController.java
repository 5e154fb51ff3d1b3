package io.milestones.notifier.webhooks;

import io.milestones.notifier.email.MessageIds;
import io.milestones.notifier.suppression.Bounce;
import io.milestones.notifier.suppression.BounceType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amazon SES bounce and complaint notifications, delivered by an SNS HTTPS subscription to {@code
 * POST /api/webhooks/ses}. Every message is checked before anything changes: one of our topics, a
 * valid SNS signature, not older than the configured age, not seen before. A subscription
 * confirmation is confirmed by fetching its {@code SubscribeURL} (an SNS host only).
 */
@RestController
class SesWebhookController {

    private static final Logger log = LoggerFactory.getLogger(SesWebhookController.class);
    private static final String PROVIDER = "ses";

    private final WebhookProperties.Ses properties;
    private final SnsSignature signature;
    private final WebhookIntake intake;
    private final Clock clock;
    private final Pattern subscribeUrls;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SesWebhookController(
            WebhookProperties properties,
            SnsSignature signature,
            WebhookIntake intake,
            Clock clock) {
        this.properties = properties.ses();
        this.signature = signature;
        this.intake = intake;
        this.clock = clock;
        this.subscribeUrls = Pattern.compile(this.properties.subscribeUrlPattern());
    }

    /** SNS posts with {@code Content-Type: text/plain}; the body is JSON either way. */
    @PostMapping("/api/webhooks/ses")
    ResponseEntity<Void> receive(@RequestBody String body) throws InterruptedException {
        if (!properties.enabled()) {
            throw WebhookRejected.disabled();
        }
        JsonNode message = parse(body);
        String type = message.path("Type").asString("");
        if (!List.of("Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation")
                .contains(type)) {
            throw WebhookRejected.malformed("Type: not an SNS message type");
        }
        if (!properties.topicArns().contains(message.path("TopicArn").asString(""))) {
            throw WebhookRejected.forbidden("TopicArn: not a topic we subscribed to");
        }
        if (!signature.verify(message)) {
            throw WebhookRejected.unauthorized("Signature: does not verify");
        }
        Instant sent = timestamp(message);
        if (sent.isBefore(clock.instant().minus(properties.maxAge()))) {
            throw WebhookRejected.replay("Timestamp: too old, a replay");
        }
        String messageId = message.path("MessageId").asString("");
        List<Bounce> bounces = "Notification".equals(type) ? bounces(message) : List.of();
        if (!intake.accept(PROVIDER, messageId, bounces)) {
            throw WebhookRejected.replay("MessageId: handled before");
        }
        if ("SubscriptionConfirmation".equals(type)) {
            confirm(message.path("SubscribeURL").asString(""));
        }
        return ResponseEntity.ok().build();
    }

    private void confirm(String subscribeUrl) throws InterruptedException {
        if (!subscribeUrls.matcher(subscribeUrl).matches()) {
            throw WebhookRejected.forbidden("SubscribeURL: not an SNS host");
        }
        try {
            HttpResponse<Void> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create(subscribeUrl))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            log.info("SNS subscription confirmed: HTTP {}", response.statusCode());
        } catch (java.io.IOException e) {
            log.warn("SNS subscription not confirmed: {}", e.toString());
        }
    }

    /** The SES notification inside the SNS message: a bounce or a complaint, one per recipient. */
    private List<Bounce> bounces(JsonNode message) {
        JsonNode ses = parse(message.path("Message").asString(""));
        String kind = ses.path("notificationType").asString(ses.path("eventType").asString(""));
        String milestoneId =
                MessageIds.milestoneOf(
                                ses.path("mail")
                                        .path("commonHeaders")
                                        .path("messageId")
                                        .asString(""))
                        .orElse(null);
        String eventId = message.path("MessageId").asString("");
        List<Bounce> bounces = new ArrayList<>();
        if ("Bounce".equals(kind)) {
            JsonNode bounce = ses.path("bounce");
            BounceType type =
                    "Permanent".equals(bounce.path("bounceType").asString(""))
                            ? BounceType.HARD
                            : BounceType.SOFT;
            for (JsonNode recipient : bounce.path("bouncedRecipients")) {
                bounces.add(
                        new Bounce(
                                address(recipient),
                                type,
                                PROVIDER,
                                milestoneId,
                                milestoneId != null ? milestoneId : eventId,
                                bounce.path("bounceType").asString("")
                                        + " "
                                        + recipient.path("status").asString("")
                                        + " "
                                        + recipient.path("diagnosticCode").asString("")));
            }
        } else if ("Complaint".equals(kind)) {
            JsonNode complaint = ses.path("complaint");
            for (JsonNode recipient : complaint.path("complainedRecipients")) {
                bounces.add(
                        new Bounce(
                                address(recipient),
                                BounceType.COMPLAINT,
                                PROVIDER,
                                milestoneId,
                                eventId,
                                complaint.path("complaintFeedbackType").asString("complaint")));
            }
        }
        return bounces;
    }

    private static String address(JsonNode recipient) {
        String address = recipient.path("emailAddress").asString("");
        if (address.isBlank() || !address.contains("@")) {
            throw WebhookRejected.malformed("emailAddress: missing");
        }
        // SES may quote a display name: "Name <a@b>"
        int open = address.lastIndexOf('<');
        return open >= 0 ? address.substring(open + 1, address.indexOf('>', open)) : address;
    }

    private static Instant timestamp(JsonNode message) {
        try {
            return Instant.parse(message.path("Timestamp").asString(""));
        } catch (DateTimeParseException e) {
            throw WebhookRejected.malformed("Timestamp: not an ISO-8601 instant");
        }
    }

    private static JsonNode parse(String body) {
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
