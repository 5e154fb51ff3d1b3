package io.milestones.notifier.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs webhook calls the way the providers do, with test keys: SNS (RSA key and self-signed
 * certificate under src/test/resources/webhooks, served as the SigningCertURL) and SendGrid (an
 * ECDSA P-256 key pair made per run; its public key is configured like SendGrid's).
 */
public final class WebhookSigning {

    private static final KeyPair SENDGRID = sendgridKeys();

    private WebhookSigning() {}

    /** The SendGrid verification key as SendGrid shows it: base64 DER. */
    public static String sendgridPublicKey() {
        return Base64.getEncoder().encodeToString(SENDGRID.getPublic().getEncoded());
    }

    /** {@code X-Twilio-Email-Event-Webhook-Signature} of {@code body} at {@code timestamp}. */
    public static String sendgridSignature(String timestamp, String body) {
        return sign(
                "SHA256withECDSA",
                SENDGRID.getPrivate(),
                (timestamp + body).getBytes(StandardCharsets.UTF_8));
    }

    /** The SNS signing certificate (PEM) to serve. */
    public static byte[] snsCertificate() {
        return resource("/webhooks/sns-signing.pem");
    }

    /**
     * An SNS message of {@code type} with {@code fields} (Message, MessageId, Timestamp, TopicArn,
     * SubscribeURL, Token ...), signed (SignatureVersion 2) as Amazon documents it.
     */
    public static String snsMessage(String type, Map<String, String> fields, String certUrl) {
        Map<String, String> message = new LinkedHashMap<>(fields);
        message.put("Type", type);
        message.put("SignatureVersion", "2");
        message.put("SigningCertURL", certUrl);
        String toSign = SnsSignature.stringToSign(JsonMapper.shared().valueToTree(message));
        message.put(
                "Signature",
                sign("SHA256withRSA", snsKey(), toSign.getBytes(StandardCharsets.UTF_8)));
        return JsonMapper.shared().writeValueAsString(message);
    }

    private static PrivateKey snsKey() {
        String pem = new String(resource("/webhooks/sns-signing.key"), StandardCharsets.US_ASCII);
        String der = pem.replaceAll("-----[A-Z ]+-----|\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String algorithm, PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair sendgridKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebhookSigning.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
