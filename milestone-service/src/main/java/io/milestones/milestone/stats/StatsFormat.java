package io.milestones.milestone.stats;

import io.milestones.milestone.stats.StatsSnapshot.ScopeStats;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Numbers, countries and dates in the visitor's language, for the server-rendered first paint (the
 * browser formats live updates the same way with {@code Intl}). Times are UTC here; the browser
 * shows its own time zone.
 */
public final class StatsFormat {

    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    StatsFormat(Locale locale) {
        this.locale = locale;
        this.date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .withZone(ZoneOffset.UTC);
        this.dateTime =
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(ZoneOffset.UTC);
    }

    /** {@code 1,234,567} in English, {@code 1.234.567} in Italian. */
    public String number(Long value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** The country's name in the visitor's language: IT is "Italy", "Italia", "Italie" ... */
    public String country(String code) {
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
    }

    /** A language's name in the visitor's language. */
    public String language(String tag) {
        return Locale.forLanguageTag(tag).getDisplayLanguage(locale);
    }

    /** A language's name in itself: "Italiano", "Polski". */
    static String endonym(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    public String date(Instant at) {
        return at == null ? "" : date.format(at);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : dateTime.format(at) + " UTC";
    }

    /** How far the count has come from the last milestone towards the next, 0 to 100. */
    public static int percent(ScopeStats stats) {
        if (stats.nextThreshold() == null) {
            return 100;
        }
        long from = stats.lastThreshold() == null ? 0 : stats.lastThreshold();
        long span = stats.nextThreshold() - from;
        return span <= 0 ? 0 : (int) Math.min(100, (stats.count() - from) * 100 / span);
    }

    public int percentOf(ScopeStats stats) {
        return percent(stats);
    }
}
