package io.milestones.notifier.suppression;

import io.milestones.notifier.subscription.Emails;
import io.milestones.support.Sha256;

/**
 * SHA-256 (hex) of a normalised address: the key of the suppression list, and the same pseudonym
 * erasure writes into the deliveries table, so an erased address can still be recognised.
 */
public final class AddressHash {

    private AddressHash() {}

    public static String of(String address) {
        return Sha256.hex(Emails.normalise(address));
    }
}
