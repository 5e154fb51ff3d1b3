package io.milestones.registration.registration;

import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The countries whose teachers may register: the configured list, or any ISO code if empty. */
@Component
public class ParticipatingCountries {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private final Set<String> configured;

    ParticipatingCountries(RegistrationProperties properties) {
        for (String code : properties.countries()) {
            if (!ISO.contains(code)) {
                throw new IllegalArgumentException(
                        "milestones.registration.countries: " + code + " is no ISO 3166-1 code");
            }
        }
        this.configured = Set.copyOf(properties.countries());
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 code of a participating country. */
    public boolean accepts(String code) {
        return ISO.contains(code) && (configured.isEmpty() || configured.contains(code));
    }

    /** Whether {@code code} is any ISO 3166-1 alpha-2 code. */
    static boolean isIso(String code) {
        return ISO.contains(code);
    }
}
