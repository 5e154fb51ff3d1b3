package io.milestones.notifier.social;

import io.milestones.events.Scope;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The language a milestone is announced in: a country's milestones in the country's main language,
 * a language scope's in that language, global ones in the default; each only when a social bundle
 * exists for it. Every bundle names its own language ({@code social.language}), so a language
 * without one falls back as a whole instead of word by word.
 */
@Component
class PostLanguages {

    private final SocialProperties social;
    private final MessageSource messages;

    PostLanguages(SocialProperties social, MessageSource messages) {
        this.social = social;
        this.messages = messages;
    }

    Locale of(Scope scope) {
        Locale wanted =
                switch (scope.type()) {
                    case COUNTRY -> social.languageOf(scope.key());
                    case LANGUAGE -> Locale.forLanguageTag(scope.key());
                    case GLOBAL, CAMPAIGN -> social.language();
                };
        String bundled = messages.getMessage("social.language", null, null, wanted);
        return wanted.getLanguage().equals(bundled) ? wanted : social.language();
    }
}
