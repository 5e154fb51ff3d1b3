package io.milestones.notifier.email;

/** Header values that cannot break out of their header: no CR, LF or other control characters. */
final class HeaderValues {

    private HeaderValues() {}

    static String singleLine(String value) {
        return value == null ? null : value.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
