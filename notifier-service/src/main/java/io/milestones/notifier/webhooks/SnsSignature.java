package io.milestones.notifier.webhooks;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Verifies an Amazon SNS message as Amazon documents it: the {@code SigningCertURL} must be one of
 * Amazon's SNS hosts over HTTPS (configurable pattern), the certificate is fetched from there (and
 * cached), and the {@code Signature} must verify over the canonical string of the message's fields
 * ({@code SHA1withRSA} for SignatureVersion 1, {@code SHA256withRSA} for 2).
 */
@Component
class SnsSignature {

    private static final List<String> NOTIFICATION_FIELDS =
            List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
    private static final List<String> CONFIRMATION_FIELDS =
            List.of(
                    "Message",
                    "MessageId",
                    "SubscribeURL",
                    "Timestamp",
                    "Token",
                    "TopicArn",
                    "Type");

    private final Pattern certUrls;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    SnsSignature(WebhookProperties properties) {
        this.certUrls = Pattern.compile(properties.ses().signingCertUrlPattern());
    }

    boolean verify(JsonNode message) {
        String version = message.path("SignatureVersion").asString("");
        String algorithm =
                switch (version) {
                    case "1" -> "SHA1withRSA";
                    case "2" -> "SHA256withRSA";
                    default -> null;
                };
        String certUrl = message.path("SigningCertURL").asString("");
        if (algorithm == null || !certUrls.matcher(certUrl).matches()) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(key(certUrl));
            signature.update(stringToSign(message).getBytes(StandardCharsets.UTF_8));
            return signature.verify(
                    Base64.getDecoder().decode(message.path("Signature").asString("")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String stringToSign(JsonNode message) {
        List<String> fields =
                "Notification".equals(message.path("Type").asString(""))
                        ? NOTIFICATION_FIELDS
                        : CONFIRMATION_FIELDS;
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            JsonNode value = message.get(field);
            if (value != null && !value.isNull()) {
                text.append(field).append('\n').append(value.asString()).append('\n');
            }
        }
        return text.toString();
    }

    private PublicKey key(String certUrl) throws GeneralSecurityException {
        PublicKey cached = keys.get(certUrl);
        if (cached != null) {
            return cached;
        }
        try {
            HttpResponse<byte[]> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create(certUrl))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new GeneralSecurityException("certificate: HTTP " + response.statusCode());
            }
            var certificate =
                    (X509Certificate)
                            CertificateFactory.getInstance("X.509")
                                    .generateCertificate(new ByteArrayInputStream(response.body()));
            certificate.checkValidity();
            PublicKey key = certificate.getPublicKey();
            if (keys.size() < 100) {
                keys.put(certUrl, key);
            }
            return key;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("certificate not fetched: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeneralSecurityException("interrupted", e);
        }
    }
}
