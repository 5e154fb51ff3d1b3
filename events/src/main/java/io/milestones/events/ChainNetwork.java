package io.milestones.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A social network the campaign's chain is followed on. */
public enum ChainNetwork {
    MASTODON,
    BLUESKY,
    X;

    /** The lower-case name used in JSON, in {@code ce_id} and in keys. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
