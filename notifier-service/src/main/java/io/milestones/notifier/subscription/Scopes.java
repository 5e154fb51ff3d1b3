package io.milestones.notifier.subscription;

import io.milestones.events.Scope;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Scope ids a subscriber can choose: {@code global} and {@code country:XX}. */
final class Scopes {

    static final String GLOBAL = Scope.GLOBAL.id();
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Scopes() {}

    static Set<String> of(boolean global, Collection<String> countries) {
        Set<String> scopes = new LinkedHashSet<>();
        if (global) {
            scopes.add(GLOBAL);
        }
        if (countries != null) {
            for (String country : countries) {
                scopes.add(Scope.country(country.strip().toUpperCase(Locale.ROOT)).id());
            }
        }
        return scopes;
    }

    static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code.strip().toUpperCase(Locale.ROOT));
    }
}
