package io.milestones.notifier.webhooks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The providers' bounce and complaint webhooks. Each is off until configured; a disabled one
 * answers 404.
 *
 * @param ses Amazon SES notifications through an SNS HTTPS subscription
 * @param sendgrid the SendGrid signed Event Webhook
 * @param postmark Postmark's bounce and spam-complaint webhooks
 */
@Validated
@ConfigurationProperties("milestones.webhooks")
record WebhookProperties(
        @DefaultValue @Valid @NotNull Ses ses,
        @DefaultValue @Valid @NotNull Sendgrid sendgrid,
        @DefaultValue @Valid @NotNull Postmark postmark) {

    /**
     * @param enabled accept {@code POST /api/webhooks/ses}
     * @param topicArns the SNS topics we subscribed to; a message from any other is refused
     * @param signingCertUrlPattern regular expression the whole {@code SigningCertURL} must match
     *     (Amazon's SNS hosts over HTTPS); the certificate is fetched only from such a URL
     * @param subscribeUrlPattern the same for the {@code SubscribeURL} of a subscription
     *     confirmation
     * @param maxAge older messages (by their {@code Timestamp}) are refused as replays
     */
    record Ses(
            @DefaultValue("false") boolean enabled,
            @DefaultValue List<String> topicArns,
            @DefaultValue("https://sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/[^?#]+\\.pem")
                    @NotBlank
                    String signingCertUrlPattern,
            @DefaultValue("https://sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/\\?.*") @NotBlank
                    String subscribeUrlPattern,
            @DefaultValue("1h") @NotNull Duration maxAge) {}

    /**
     * @param enabled accept {@code POST /api/webhooks/sendgrid}
     * @param publicKey the verification key SendGrid shows for the signed Event Webhook (base64
     *     DER, ECDSA P-256)
     * @param maxAge a request whose signed timestamp is older (or this far in the future) is
     *     refused as a replay
     */
    record Sendgrid(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("") String publicKey,
            @DefaultValue("5m") @NotNull Duration maxAge) {}

    /**
     * @param enabled accept {@code POST /api/webhooks/postmark}
     * @param username HTTP basic auth user set on the webhook URL in Postmark
     * @param password its password, from the environment
     */
    record Postmark(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("") String username,
            @DefaultValue("") String password) {}
}
