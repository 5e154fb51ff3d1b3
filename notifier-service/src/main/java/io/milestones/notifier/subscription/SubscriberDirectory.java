package io.milestones.notifier.subscription;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What other features may ask about subscribers: the audience of a scope, and who still is one. */
@Component
public class SubscriberDirectory {

    private final SubscriptionRepository repository;

    SubscriberDirectory(SubscriptionRepository repository) {
        this.repository = repository;
    }

    /**
     * Up to {@code limit} confirmed subscribers of {@code scopeId} whose subscription id comes
     * after {@code after} ({@code null} for the first chunk), in id order: keyset pagination, so a
     * huge audience is read chunk by chunk in bounded memory.
     */
    public List<Recipient> audience(String scopeId, UUID after, int limit) {
        return repository.audienceChunk(scopeId, after, limit);
    }

    /** Whether mail may still go to {@code subscriptionId} (not unsubscribed, not erased). */
    public boolean isConfirmed(UUID subscriptionId) {
        return repository.isConfirmed(subscriptionId);
    }

    /**
     * The addresses of those of {@code subscriptionIds} that may still be mailed, in a few
     * statements: the senders resolve each poll's requests with one call.
     */
    public Map<UUID, String> confirmedAddresses(Collection<UUID> subscriptionIds) {
        return subscriptionIds.isEmpty()
                ? Map.of()
                : repository.confirmedAddresses(subscriptionIds);
    }

    /** A spam complaint: the subscription of {@code email} is removed, if there is one. */
    public boolean unsubscribeAddress(String email) {
        return repository
                .findByEmail(Emails.normalise(email))
                .map(s -> repository.delete(s.id()))
                .orElse(false);
    }
}
