package io.milestones.notifier.links;

import java.net.URI;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The signed links a subscriber receives: confirm, unsubscribe, preferences. */
@Component
public class SubscriberLinks {

    /** Path of the one-click unsubscribe endpoint (GET shows a page, POST unsubscribes). */
    public static final String UNSUBSCRIBE_PATH = "/unsubscribe";

    /** Path of the double opt-in confirmation (GET shows a page, POST confirms). */
    public static final String CONFIRM_PATH = "/subscriptions/confirm";

    /** Path of the preferences page. */
    public static final String PREFERENCES_PATH = "/subscriptions/preferences";

    private final SignedTokens tokens;
    private final LinkProperties properties;

    SubscriberLinks(SignedTokens tokens, LinkProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    public URI unsubscribe(UUID subscriptionId) {
        return unsubscribeUrl(unsubscribeToken(subscriptionId));
    }

    /** The one-click unsubscribe URL carrying {@code token}. */
    public URI unsubscribeUrl(String token) {
        return link(UNSUBSCRIBE_PATH, token);
    }

    public URI confirm(UUID subscriptionId) {
        return link(CONFIRM_PATH, tokens.issue(subscriptionId, TokenPurpose.CONFIRM));
    }

    public URI preferences(UUID subscriptionId) {
        return link(PREFERENCES_PATH, tokens.issue(subscriptionId, TokenPurpose.PREFERENCES));
    }

    /** A token for an unsubscribe link; the same token goes in the HTTPS and mailto variants. */
    public String unsubscribeToken(UUID subscriptionId) {
        return tokens.issue(subscriptionId, TokenPurpose.UNSUBSCRIBE);
    }

    private URI link(String path, String token) {
        return UriComponentsBuilder.fromUri(properties.publicBaseUrl())
                .path(path)
                .queryParam("token", token)
                .build()
                .toUri();
    }
}
