package io.milestones.ops.deadletters;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides personal data before a record is shown: e-mail addresses become {@code a***@example.org},
 * and the values of JSON fields that hold names or addresses become {@code "***"}.
 */
public final class Masking {

    private static final Pattern EMAIL =
            Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
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
        String fields = PERSONAL_JSON_FIELD.matcher(text).replaceAll("$1\"***\"");
        Matcher emails = EMAIL.matcher(fields);
        return emails.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***@" + m.group(2)));
    }
}
