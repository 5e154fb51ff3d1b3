package io.milestones.notifier.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The token of a per-delivery bounce address (VERP): 20 characters of lower-case base32 of an
 * HMAC-SHA256 over the milestone and the recipient, keyed with the link secret. Short enough for an
 * address's local part (64 characters), case-insensitive (some servers lower-case it), and nobody
 * without the secret can make one that names a delivery.
 */
@Component
public class ReturnTokens {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LENGTH = 20;

    private final SecretKeySpec key;

    ReturnTokens(TokenProperties properties) {
        this.key =
                new SecretKeySpec(
                        ("verp:" + properties.tokenSecret()).getBytes(StandardCharsets.UTF_8),
                        "HmacSHA256");
    }

    public String token(String milestoneId, String recipient) {
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            mac = hmac.doFinal((milestoneId + "\n" + recipient).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        StringBuilder token = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; token.length() < LENGTH; i++) {
            buffer = (buffer << 8) | (mac[i] & 0xff);
            bits += 8;
            while (bits >= 5 && token.length() < LENGTH) {
                token.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return token.toString();
    }
}
