package io.milestones.notifier.email;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the deterministic {@code Message-ID} {@link MailComposer} writes ({@code
 * country.IT.50000.<24 hex>@domain}): a bounce or provider event that quotes it names its
 * milestone, and so its delivery row.
 */
public final class MessageIds {

    private static final Pattern OURS =
            Pattern.compile("<?([^<>@\\s]+)\\.[0-9a-f]{24}@[^<>\\s]+>?");

    private MessageIds() {}

    /** The milestone id inside one of our Message-IDs; empty for anybody else's. */
    public static Optional<String> milestoneOf(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        Matcher matcher = OURS.matcher(messageId.strip());
        return matcher.matches()
                ? Optional.of(matcher.group(1).replace('.', ':'))
                : Optional.empty();
    }
}
