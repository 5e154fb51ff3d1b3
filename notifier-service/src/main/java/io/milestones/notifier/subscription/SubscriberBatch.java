package io.milestones.notifier.subscription;

import io.milestones.events.Scope;
import io.milestones.events.TeacherContact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One poll of registrations folded in memory, record by record in the order they were read, into
 * the writes that leave the tables exactly as the records applied one at a time would: a redelivery
 * changes nothing, an erasure after a registration removes it, a registration after an erasure is a
 * new subscription. A consenting teacher is a confirmed subscriber of the global count and of their
 * country, in their language (their consent is the opt-in); an address that already subscribed on
 * its own becomes theirs, keeping its scopes and, once confirmed, its language. Pure: the stored
 * rows it starts from are given, the result says what to write.
 */
final class SubscriberBatch {

    /** What one record asks for. */
    sealed interface Change permits Registered, Erased {
        String teacherId();
    }

    /**
     * A contact record: name and consent, and a subscription if the teacher consented.
     *
     * @param registeredAt when the teacher registered (the record's {@code ce_time})
     */
    record Registered(TeacherContact contact, Instant registeredAt) implements Change {
        @Override
        public String teacherId() {
            return contact.teacherId();
        }
    }

    /**
     * A {@code TeacherErased} or the tombstone of {@code teacher-contacts}.
     *
     * @param erasedAt when, for a {@code TeacherErased}; {@code null} for a tombstone, which is in
     *     the order of the contact records and always applies
     */
    record Erased(String teacherId, Instant erasedAt) implements Change {}

    /**
     * A subscription as stored, with its timestamps.
     *
     * @param registeredAt when its teacher registered, or {@code null} (no teacher, or stored
     *     before the column existed)
     */
    record Row(
            Subscription subscription,
            Instant createdAt,
            Instant confirmedAt,
            Instant registeredAt) {}

    /** A teacher's name after the batch: {@code displayName} {@code null} deletes it. */
    record Name(String teacherId, String displayName, boolean publicName) {}

    /** The writes of a batch, to run in this order, and what to tell the rest of the service. */
    record Result(
            List<UUID> deletes,
            List<Row> upserts,
            Map<UUID, Set<String>> newScopes,
            List<Name> names,
            List<SubscriberErased> erasures,
            List<SubscriberJoined> joined) {}

    private final Map<UUID, Row> rows = new LinkedHashMap<>();
    private final Map<UUID, Row> stored = new HashMap<>();
    private final Set<UUID> touched = new HashSet<>();
    private final Map<UUID, Set<String>> storedScopes = new HashMap<>();
    private final Map<String, UUID> byTeacher = new HashMap<>();
    private final Map<String, UUID> byEmail = new HashMap<>();
    private final Instant now;

    /**
     * @param stored every stored subscription of the batch's teachers and addresses, with scopes
     * @param now the time of the writes
     */
    SubscriberBatch(List<Row> stored, Instant now) {
        this.now = now;
        for (Row row : stored) {
            Subscription s = row.subscription();
            rows.put(s.id(), row);
            this.stored.put(s.id(), row);
            storedScopes.put(s.id(), s.scopes());
            byEmail.put(s.email(), s.id());
            if (s.teacherId() != null) {
                byTeacher.put(s.teacherId(), s.id());
            }
        }
    }

    /** The teachers of {@code changes}: whose stored subscriptions the batch needs. */
    static Set<String> teachers(List<? extends Change> changes) {
        Set<String> teachers = new LinkedHashSet<>();
        changes.forEach(c -> teachers.add(c.teacherId()));
        return teachers;
    }

    /** The normalised addresses of {@code changes} that may become subscriptions. */
    static Set<String> emails(List<? extends Change> changes) {
        Set<String> emails = new LinkedHashSet<>();
        for (Change change : changes) {
            if (change instanceof Registered r && subscribes(r.contact())) {
                emails.add(Emails.normalise(r.contact().email()));
            }
        }
        return emails;
    }

    Result apply(List<? extends Change> changes) {
        Map<String, Name> names = new LinkedHashMap<>();
        List<SubscriberErased> erasures = new ArrayList<>();
        Set<UUID> deletes = new LinkedHashSet<>();
        for (Change change : changes) {
            if (change instanceof Registered r) {
                TeacherContact c = r.contact();
                names.put(
                        c.teacherId(),
                        new Name(c.teacherId(), c.displayName(), c.consents().publicName()));
                if (subscribes(c)) {
                    register(c, r.registeredAt());
                }
            } else if (!stale((Erased) change)) {
                String teacherId = change.teacherId();
                names.put(teacherId, new Name(teacherId, null, false));
                UUID id = byTeacher.remove(teacherId);
                String email = null;
                if (id != null) {
                    Row row = rows.remove(id);
                    touched.remove(id);
                    email = row.subscription().email();
                    byEmail.remove(email);
                    if (stored.containsKey(id)) {
                        deletes.add(id);
                    }
                }
                erasures.add(new SubscriberErased(teacherId, email));
            }
        }
        List<Row> upserts = new ArrayList<>();
        Map<UUID, Set<String>> newScopes = new LinkedHashMap<>();
        List<SubscriberJoined> joined = new ArrayList<>();
        for (Row row : rows.values()) {
            Subscription s = row.subscription();
            if (!touched.contains(s.id())) {
                continue;
            }
            if (!row.equals(stored.get(s.id()))) {
                upserts.add(row); // a redelivery that changes nothing writes nothing
            }
            Set<String> added = new LinkedHashSet<>(s.scopes());
            added.removeAll(storedScopes.getOrDefault(s.id(), Set.of()));
            if (!added.isEmpty()) {
                newScopes.put(s.id(), added);
            }
            joined.add(
                    new SubscriberJoined(
                            new Recipient(s.id(), s.email(), s.language(), s.teacherId()),
                            s.scopes(),
                            row.registeredAt()));
        }
        return new Result(
                List.copyOf(deletes),
                upserts,
                newScopes,
                List.copyOf(names.values()),
                erasures,
                joined);
    }

    /** The teacher's subscription found by teacher, else by address, or a new one. */
    /**
     * A {@code TeacherErased} read after the registration that followed it (the two topics are read
     * at their own pace): the teacher registered again after it, and the tombstone before that
     * registration on {@code teacher-contacts} has erased already.
     */
    private boolean stale(Erased erased) {
        UUID id = byTeacher.get(erased.teacherId());
        Instant registered = id == null ? null : rows.get(id).registeredAt();
        return erased.erasedAt() != null
                && registered != null
                && registered.isAfter(erased.erasedAt());
    }

    private void register(TeacherContact teacher, Instant registeredAt) {
        String address = Emails.normalise(teacher.email());
        UUID id = byTeacher.get(teacher.teacherId());
        if (id == null) {
            id = byEmail.get(address);
        }
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(Scope.GLOBAL.id());
        scopes.add(Scope.country(teacher.country()).id());
        Row row;
        if (id != null) {
            Row existing = rows.get(id);
            Subscription s = existing.subscription();
            scopes.addAll(s.scopes());
            if (s.teacherId() != null && !s.teacherId().equals(teacher.teacherId())) {
                byTeacher.remove(s.teacherId());
            }
            row =
                    new Row(
                            new Subscription(
                                    s.id(),
                                    s.email(),
                                    s.confirmed() ? s.language() : teacher.language(),
                                    SubscriptionStatus.CONFIRMED,
                                    teacher.teacherId(),
                                    Set.copyOf(scopes)),
                            existing.createdAt(),
                            existing.confirmedAt() == null ? now : existing.confirmedAt(),
                            registeredAt);
        } else {
            row =
                    new Row(
                            new Subscription(
                                    UUID.randomUUID(),
                                    address,
                                    teacher.language(),
                                    SubscriptionStatus.CONFIRMED,
                                    teacher.teacherId(),
                                    Set.copyOf(scopes)),
                            now,
                            now,
                            registeredAt);
            byEmail.put(address, row.subscription().id());
        }
        UUID rowId = row.subscription().id();
        rows.put(rowId, row);
        byTeacher.put(teacher.teacherId(), rowId);
        touched.add(rowId);
    }

    private static boolean subscribes(TeacherContact contact) {
        return contact.consents().milestoneEmails() && contact.email() != null;
    }
}
