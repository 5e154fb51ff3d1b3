package io.milestones.notifier.suppression;

import io.milestones.notifier.subscription.Emails;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (hex) of a normalised address: the key of the suppression list, and the same pseudonym
 * erasure writes into the deliveries table, so an erased address can still be recognised.
 */
public final class AddressHash {

    private AddressHash() {}

    public static String of(String address) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(Emails.normalise(address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
