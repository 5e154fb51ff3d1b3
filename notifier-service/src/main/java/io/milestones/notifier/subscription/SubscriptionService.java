package io.milestones.notifier.subscription;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Everything that creates, confirms, changes or removes a subscription. */
@Service
class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    private final SubscriptionRepository repository;
    private final SubscriptionMailer mailer;
    private final Executor mailExecutor;

    SubscriptionService(
            SubscriptionRepository repository,
            SubscriptionMailer mailer,
            @Qualifier("applicationTaskExecutor") Executor mailExecutor) {
        this.repository = repository;
        this.mailer = mailer;
        this.mailExecutor = mailExecutor;
    }

    /**
     * Someone asks for milestone mail. A new or pending address gets the double opt-in mail; a
     * confirmed one gets a note with its preferences link and stays unchanged. The caller learns
     * nothing either way, and mail goes out in the background so timing tells nothing either.
     */
    void request(String email, String language, Set<String> scopes) {
        String address = Emails.normalise(email);
        Subscription subscription =
                repository
                        .findByEmail(address)
                        .map(
                                existing ->
                                        existing.confirmed()
                                                ? existing
                                                : pending(existing, language, scopes))
                        .orElseGet(() -> newPending(address, language, scopes));
        if (subscription.confirmed()) {
            mailExecutor.execute(() -> safely(() -> mailer.sendAlreadySubscribed(subscription)));
        } else {
            mailExecutor.execute(() -> safely(() -> mailer.sendConfirmation(subscription)));
        }
    }

    Optional<Subscription> find(UUID id) {
        return repository.findById(id);
    }

    /** Follows the double opt-in link. */
    Optional<Subscription> confirm(UUID id) {
        return repository
                .findById(id)
                .map(
                        s -> {
                            Subscription confirmed =
                                    new Subscription(
                                            s.id(),
                                            s.email(),
                                            s.language(),
                                            SubscriptionStatus.CONFIRMED,
                                            s.teacherId(),
                                            s.scopes());
                            repository.update(confirmed);
                            return confirmed;
                        });
    }

    /** Removes the subscription; unsubscribing twice is fine. */
    void unsubscribe(UUID id) {
        if (repository.delete(id)) {
            log.info("Subscription {} removed (unsubscribed)", id);
        }
    }

    Optional<Subscription> changePreferences(UUID id, String language, Set<String> scopes) {
        return repository
                .findById(id)
                .map(
                        s -> {
                            Subscription changed =
                                    new Subscription(
                                            s.id(),
                                            s.email(),
                                            language,
                                            s.status(),
                                            s.teacherId(),
                                            scopes);
                            repository.update(changed);
                            return changed;
                        });
    }

    private Subscription newPending(String address, String language, Set<String> scopes) {
        var subscription =
                new Subscription(
                        UUID.randomUUID(),
                        address,
                        language,
                        SubscriptionStatus.PENDING,
                        null,
                        Set.copyOf(scopes));
        repository.insert(subscription);
        return subscription;
    }

    private Subscription pending(Subscription existing, String language, Set<String> scopes) {
        var subscription =
                new Subscription(
                        existing.id(),
                        existing.email(),
                        language,
                        SubscriptionStatus.PENDING,
                        null,
                        Set.copyOf(scopes));
        repository.update(subscription);
        return subscription;
    }

    private static void safely(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            log.warn(
                    "A subscription mail could not be sent: {}: {}",
                    root.getClass().getSimpleName(),
                    Emails.maskAll(root.getMessage()));
        }
    }
}
