package io.milestones.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data for logs and ops views: {@code giulia@example.org} → {@code
 * g***@example.org}.
 */
public final class Masking {

    private static final Pattern EMAIL =
            Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private Masking() {}

    /** Every e-mail address in {@code text} masked; {@code null} stays {@code null}. */
    public static String emails(String text) {
        if (text == null) {
            return null;
        }
        return EMAIL.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***@" + m.group(2)));
    }
}
