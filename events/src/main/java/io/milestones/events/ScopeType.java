package io.milestones.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The dimension a count is kept along. {@link #GLOBAL} has no key. */
public enum ScopeType {
    GLOBAL,
    COUNTRY,
    LANGUAGE,
    /** A campaign's social chain, e.g. {@code campaign:1MeTwinners}: distinct participants. */
    CAMPAIGN;

    /** The lower-case name used in JSON and in milestone ids. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; rejects unknown dimensions with the accepted ones listed. */
    public static ScopeType fromId(String id) {
        for (ScopeType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown scope '" + id + "', expected one of global, country, language, campaign");
    }
}
