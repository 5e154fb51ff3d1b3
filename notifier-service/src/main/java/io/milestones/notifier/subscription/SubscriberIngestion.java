package io.milestones.notifier.subscription;

import io.milestones.notifier.milestone.TeacherName;
import io.milestones.notifier.milestone.TeacherNames;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of registrations and erasures in one database transaction: the stored rows of its
 * teachers and addresses read at once, the batch folded in memory ({@link SubscriberBatch}), then a
 * handful of multi-row statements. Erasure reaches the other features' copies inside the
 * transaction ({@link SubscriberErased}); {@link SubscribersJoined} goes out after the commit, so a
 * listener that looks for milestones sees the subscribers committed first.
 */
@Component
class SubscriberIngestion {

    private final SubscriptionRepository repository;
    private final TeacherNames names;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SubscriberIngestion(
            SubscriptionRepository repository,
            TeacherNames names,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.names = names;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Applies {@code changes}, in their order; all or nothing. */
    void apply(List<? extends SubscriberBatch.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        SubscriberBatch.Result result =
                transaction.execute(
                        status -> {
                            var batch =
                                    new SubscriberBatch(
                                            repository.storedFor(
                                                    SubscriberBatch.teachers(changes),
                                                    SubscriberBatch.emails(changes)),
                                            clock.instant());
                            SubscriberBatch.Result writes = batch.apply(changes);
                            writes.erasures().forEach(events::publishEvent);
                            repository.deleteAll(writes.deletes());
                            repository.upsertAll(writes.upserts());
                            repository.addScopes(writes.newScopes());
                            Map<String, TeacherName> latest = new LinkedHashMap<>();
                            for (SubscriberBatch.Name name : writes.names()) {
                                latest.put(
                                        name.teacherId(),
                                        name.displayName() == null
                                                ? null
                                                : new TeacherName(
                                                        name.displayName(), name.publicName()));
                            }
                            names.replaceAll(latest);
                            return writes;
                        });
        if (!result.joined().isEmpty()) {
            events.publishEvent(new SubscribersJoined(result.joined()));
        }
    }
}
