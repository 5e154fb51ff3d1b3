package io.milestones.notifier.subscription;

import java.util.Locale;

/** E-mail addresses as keys: trimmed and lower case, so one person is one subscriber. */
public final class Emails {

    private Emails() {}

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code a***@example.org}: enough for ops to tell rows apart, never the address. */
    public static String mask(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at < 0) {
            return "***";
        }
        return (at == 0 ? "" : email.substring(0, 1)) + "***" + email.substring(at);
    }

    /** Masks every address inside free text, e.g. an SMTP server's error message. */
    public static String maskAll(String text) {
        return io.milestones.support.Masking.emails(text);
    }
}
