package io.milestones.notifier.subscription;

import io.milestones.notifier.links.SignedTokens;
import io.milestones.notifier.links.SubscriberLinks;
import io.milestones.notifier.links.TokenPurpose;
import io.milestones.notifier.web.SubscriberLocaleResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The pages behind the links in our mails. A GET never changes anything (mail scanners follow
 * links); it shows a page whose button POSTs. {@code POST /unsubscribe} is also the RFC 8058
 * one-click target of {@code List-Unsubscribe-Post}.
 */
@Controller
class SubscriptionPages {

    static final List<String> LANGUAGES = List.of("en", "it", "fr", "de", "es", "pl");

    private final SubscriptionService subscriptions;
    private final SignedTokens tokens;
    private final SubscriberLinks links;

    SubscriptionPages(
            SubscriptionService subscriptions, SignedTokens tokens, SubscriberLinks links) {
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.links = links;
    }

    @GetMapping(SubscriberLinks.CONFIRM_PATH)
    String confirmPage(@RequestParam String token, HttpServletRequest request, Model model) {
        return page(token, TokenPurpose.CONFIRM, request, model, s -> "notifier/pages/confirm");
    }

    @PostMapping(SubscriberLinks.CONFIRM_PATH)
    String confirm(@RequestParam String token, HttpServletRequest request, Model model) {
        return page(
                token,
                TokenPurpose.CONFIRM,
                request,
                model,
                s -> {
                    subscriptions.confirm(s.id());
                    return done(model, "page.confirmed", s.id());
                });
    }

    @GetMapping(SubscriberLinks.UNSUBSCRIBE_PATH)
    String unsubscribePage(@RequestParam String token, HttpServletRequest request, Model model) {
        return page(
                token, TokenPurpose.UNSUBSCRIBE, request, model, s -> "notifier/pages/unsubscribe");
    }

    /** RFC 8058 one-click: the body is {@code List-Unsubscribe=One-Click}; the token says who. */
    @PostMapping(SubscriberLinks.UNSUBSCRIBE_PATH)
    String unsubscribe(@RequestParam String token, HttpServletRequest request, Model model) {
        UUID id =
                tokens.verify(token, TokenPurpose.UNSUBSCRIBE)
                        .orElseThrow(InvalidLinkException::new);
        // Already gone is fine: unsubscribing twice must not fail.
        subscriptions.find(id).ifPresent(s -> useLocaleOf(s, request));
        subscriptions.unsubscribe(id);
        model.addAttribute("messageKey", "page.unsubscribed");
        return "notifier/pages/done";
    }

    @GetMapping(SubscriberLinks.PREFERENCES_PATH)
    String preferencesPage(@RequestParam String token, HttpServletRequest request, Model model) {
        return page(
                token,
                TokenPurpose.PREFERENCES,
                request,
                model,
                s -> {
                    Map<String, String> languages = new LinkedHashMap<>();
                    for (String tag : LANGUAGES) {
                        Locale language = Locale.forLanguageTag(tag);
                        languages.put(tag, language.getDisplayLanguage(language));
                    }
                    model.addAttribute("languages", languages);
                    model.addAttribute("global", s.scopes().contains(Scopes.GLOBAL));
                    model.addAttribute(
                            "countries",
                            String.join(
                                    ", ",
                                    s.scopes().stream()
                                            .filter(scope -> scope.startsWith("country:"))
                                            .map(scope -> scope.substring("country:".length()))
                                            .sorted()
                                            .toList()));
                    model.addAttribute("unsubscribeUrl", links.unsubscribe(s.id()));
                    return "notifier/pages/preferences";
                });
    }

    @PostMapping(SubscriberLinks.PREFERENCES_PATH)
    String savePreferences(
            @RequestParam String token,
            @RequestParam String language,
            @RequestParam(defaultValue = "false") boolean global,
            @RequestParam(defaultValue = "") String countries,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        List<String> codes =
                Arrays.stream(countries.split("[,\\s]+")).filter(c -> !c.isBlank()).toList();
        if (!LANGUAGES.contains(language)
                || !codes.stream().allMatch(Scopes::isCountry)
                || (!global && codes.isEmpty())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "notifier/pages/invalid-preferences";
        }
        Set<String> scopes = Scopes.of(global, codes);
        return page(
                token,
                TokenPurpose.PREFERENCES,
                request,
                model,
                s -> {
                    subscriptions.changePreferences(s.id(), language, scopes);
                    request.setAttribute(
                            SubscriberLocaleResolver.ATTRIBUTE, Locale.forLanguageTag(language));
                    return done(model, "page.preferencesSaved", s.id());
                });
    }

    private String page(
            String token,
            TokenPurpose purpose,
            HttpServletRequest request,
            Model model,
            Function<Subscription, String> action) {
        Optional<Subscription> subscription =
                tokens.verify(token, purpose).flatMap(subscriptions::find);
        if (subscription.isEmpty()) {
            throw new InvalidLinkException();
        }
        useLocaleOf(subscription.get(), request);
        model.addAttribute("token", token);
        return action.apply(subscription.get());
    }

    /** A link that is forged, expired, or for a subscription that no longer exists. */
    @ExceptionHandler(InvalidLinkException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalidLink() {
        return "notifier/pages/invalid-link";
    }

    private String done(Model model, String messageKey, UUID id) {
        model.addAttribute("messageKey", messageKey);
        model.addAttribute("preferencesUrl", links.preferences(id));
        return "notifier/pages/done";
    }

    static final class InvalidLinkException extends RuntimeException {
        InvalidLinkException() {
            super("invalid or expired link", null, false, false);
        }
    }

    private static void useLocaleOf(Subscription subscription, HttpServletRequest request) {
        request.setAttribute(SubscriberLocaleResolver.ATTRIBUTE, subscription.locale());
    }
}
