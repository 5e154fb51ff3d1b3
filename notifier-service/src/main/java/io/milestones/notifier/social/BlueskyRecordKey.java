package io.milestones.notifier.social;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The record key of a milestone's Bluesky post: a TID (13 characters of base32-sortable; 53 bits of
 * microseconds, 10 bits of clock id) computed from the milestone instead of the clock. The time is
 * the second the milestone was reached, with microseconds and clock id taken from a hash of its id,
 * so the same milestone always maps to the same key and two milestones reached in the same second
 * do not collide.
 */
final class BlueskyRecordKey {

    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

    private BlueskyRecordKey() {}

    static String of(String milestoneId, Instant reachedAt) {
        ByteBuffer hash = ByteBuffer.wrap(sha256(milestoneId));
        long micros =
                reachedAt.getEpochSecond() * 1_000_000L + Math.floorMod(hash.getLong(), 1_000_000L);
        long clockId = hash.getLong() & 0x3FF;
        long tid = ((micros & 0x1F_FFFF_FFFF_FFFFL) << 10) | clockId;
        StringBuilder key = new StringBuilder(13);
        for (int shift = 60; shift >= 0; shift -= 5) {
            key.append(ALPHABET.charAt((int) ((tid >>> shift) & 31)));
        }
        return key.toString();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
