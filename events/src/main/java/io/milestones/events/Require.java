package io.milestones.events;

import java.util.regex.Pattern;

/** Argument checks shared by the event records; failures name the field. */
final class Require {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private Require() {}

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (present(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static String country(String value, String field) {
        if (!COUNTRY.matcher(present(value, field)).matches()) {
            throw new IllegalArgumentException(
                    field
                            + " must be an ISO 3166-1 alpha-2 code in upper case, got '"
                            + value
                            + "'");
        }
        return value;
    }

    static long positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
        return value;
    }
}
