package io.milestones.notifier.email;

import io.milestones.notifier.links.ReturnTokens;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Builds and reads the per-delivery envelope sender ({@code bounces+<token>@bounce-domain}). */
@Component
public class ReturnPaths {

    private static final Pattern TOKEN = Pattern.compile("[a-z2-7]{20}");

    private final VerpProperties properties;
    private final ReturnTokens tokens;
    private final Pattern address;

    ReturnPaths(VerpProperties properties, ReturnTokens tokens) {
        this.properties = properties;
        this.tokens = tokens;
        this.address =
                Pattern.compile(
                        Pattern.quote(properties.prefix())
                                + "\\+([a-z2-7]{20})@"
                                + Pattern.quote(properties.domain().toLowerCase(Locale.ROOT)));
    }

    /** The envelope sender for this delivery; empty when VERP is off. */
    Optional<String> of(String milestoneId, String recipient) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        return Optional.of(
                properties.prefix()
                        + "+"
                        + tokens.token(milestoneId, recipient)
                        + "@"
                        + properties.domain());
    }

    /** The token inside one of our bounce addresses, found anywhere in {@code text}. */
    public Optional<String> tokenIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = address.matcher(text.toLowerCase(Locale.ROOT));
        return matcher.find() && TOKEN.matcher(matcher.group(1)).matches()
                ? Optional.of(matcher.group(1))
                : Optional.empty();
    }
}
