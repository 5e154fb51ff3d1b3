package io.milestones.notifier.email;

import java.util.regex.Pattern;

/** Header values that cannot break out of their header: no CR, LF or other control characters. */
final class HeaderValues {

    private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}+");

    private HeaderValues() {}

    static String singleLine(String value) {
        return value == null ? null : CONTROLS.matcher(value).replaceAll(" ").strip();
    }
}
