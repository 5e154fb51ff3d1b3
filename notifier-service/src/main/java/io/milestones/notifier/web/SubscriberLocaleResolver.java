package io.milestones.notifier.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Pages reached from a subscriber's link speak the subscriber's language (set by the controller as
 * a request attribute); other pages follow {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
public class SubscriberLocaleResolver {

    /** Request attribute a controller sets to the {@link Locale} the page must be written in. */
    public static final String ATTRIBUTE = SubscriberLocaleResolver.class.getName() + ".locale";

    @Bean
    LocaleResolver localeResolver() {
        return new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return request.getAttribute(ATTRIBUTE) instanceof Locale locale
                        ? locale
                        : super.resolveLocale(request);
            }
        };
    }
}
