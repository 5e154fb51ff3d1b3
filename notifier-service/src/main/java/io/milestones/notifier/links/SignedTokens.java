package io.milestones.notifier.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Tokens of subscriber links: {@code base64url(subscriptionId.PURPOSE.expiry)} + "." + {@code
 * base64url(HMAC-SHA256)}. Nothing is stored; a token proves that we issued it for this
 * subscription, this purpose, until its expiry.
 */
@Component
public class SignedTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final TokenProperties properties;
    private final SecretKeySpec key;
    private final Clock clock;

    SignedTokens(TokenProperties properties, Clock clock) {
        this.properties = properties;
        this.key =
                new SecretKeySpec(
                        properties.tokenSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** A token for {@code purpose} on {@code subscriptionId}, valid for the configured time. */
    public String issue(UUID subscriptionId, TokenPurpose purpose) {
        long expiry = clock.instant().plus(properties.validity(purpose)).getEpochSecond();
        byte[] payload =
                (subscriptionId + "." + purpose + "." + expiry).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The subscription a valid, unexpired token for {@code purpose} names; empty otherwise. */
    public Optional<UUID> verify(String token, TokenPurpose purpose) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\.");
            if (parts.length != 3 || !purpose.name().equals(parts[1])) {
                return Optional.empty();
            }
            if (clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(parts[2])))) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(parts[0]));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
