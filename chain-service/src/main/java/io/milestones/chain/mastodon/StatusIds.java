package io.milestones.chain.mastodon;

import java.util.Comparator;

/** Mastodon status ids are decimal strings that grow with time; compared as numbers. */
final class StatusIds {

    static final Comparator<String> ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private StatusIds() {}

    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return ORDER.compare(a, b) >= 0 ? a : b;
    }
}
