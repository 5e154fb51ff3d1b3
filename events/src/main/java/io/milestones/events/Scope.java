package io.milestones.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is counted: everything ({@code global}) or one value of a dimension ({@code country IT}).
 *
 * @param type the dimension
 * @param key the value within the dimension; absent for {@code global}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scope(ScopeType type, String key) {

    public static final Scope GLOBAL = new Scope(ScopeType.GLOBAL, null);

    public Scope {
        Require.present(type, "scope.type");
        if (type == ScopeType.GLOBAL && key != null) {
            throw new IllegalArgumentException("scope.key must be absent for the global scope");
        }
        if (type != ScopeType.GLOBAL) {
            Require.text(key, "scope.key");
        }
    }

    public static Scope country(String country) {
        return new Scope(ScopeType.COUNTRY, Require.country(country, "scope.key"));
    }

    public static Scope language(String language) {
        return new Scope(ScopeType.LANGUAGE, language);
    }

    /** A campaign's chain, keyed by its main hashtag. */
    public static Scope campaign(String campaign) {
        return new Scope(ScopeType.CAMPAIGN, campaign);
    }

    /** Stable identifier: {@code global}, {@code country:IT}. */
    @JsonIgnore
    public String id() {
        return key == null ? type.id() : type.id() + ":" + key;
    }

    /** Parses {@link #id()}. */
    public static Scope fromId(String id) {
        int colon = id.indexOf(':');
        if (colon < 0) {
            return new Scope(ScopeType.fromId(id), null);
        }
        return new Scope(ScopeType.fromId(id.substring(0, colon)), id.substring(colon + 1));
    }

    /** Deterministic milestone id: {@code global:1000000}, {@code country:IT:50000}. */
    public String milestoneId(long threshold) {
        return id() + ":" + threshold;
    }
}
