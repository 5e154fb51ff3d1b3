package io.milestones.ops.deadletters;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hides personal data before a record is shown: e-mail addresses become {@code a***@example.org},
 * and the values of JSON fields that hold names or addresses become {@code "***"}.
 */
public final class Masking {

    private static final Set<String> PERSONAL_FIELDS =
            Set.of("displayName", "email", "name", "recipient", "firstName", "lastName");
    private static final Pattern PERSONAL_JSON_FIELD =
            Pattern.compile(
                    "(\"(?:"
                            + String.join("|", PERSONAL_FIELDS)
                            + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    private Masking() {}

    /** The text with personal data masked; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return io.milestones.support.Masking.emails(
                PERSONAL_JSON_FIELD.matcher(text).replaceAll("$1\"***\""));
    }
}
