package io.milestones.milestone.stats;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The languages of the public pages (one message bundle each), and the visitor's: {@code ?lang=} if
 * given (kept in a cookie), else the first supported language of {@code Accept-Language}, else
 * English.
 */
final class StatsLocales extends CookieLocaleResolver {

    /** Languages with a bundle {@code i18n/milestone-stats_<lang>.properties}. */
    static final List<Locale> SUPPORTED =
            List.of(
                    Locale.ENGLISH,
                    Locale.ITALIAN,
                    Locale.FRENCH,
                    Locale.GERMAN,
                    Locale.forLanguageTag("es"),
                    Locale.forLanguageTag("pl"));

    static final String COOKIE = "milestones-stats-lang";

    StatsLocales() {
        super(COOKIE);
        setCookieMaxAge(Duration.ofDays(365));
        setDefaultLocaleFunction(StatsLocales::fromAcceptLanguage);
    }

    /** The supported language of {@code locale}, or null. */
    static Locale supported(Locale locale) {
        if (locale == null) {
            return null;
        }
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(null);
    }

    static Locale fromAcceptLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale locale : Collections.list(request.getLocales())) {
                Locale supported = supported(locale);
                if (supported != null) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale supported = supported(super.resolveLocale(request));
        return supported != null ? supported : fromAcceptLanguage(request);
    }

    /** An unsupported {@code ?lang=} forgets the choice: Accept-Language decides again. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, supported(locale));
    }
}
