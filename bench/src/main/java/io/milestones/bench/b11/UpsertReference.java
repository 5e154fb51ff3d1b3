package io.milestones.bench.b11;

import io.milestones.bench.b3.Database;
import io.milestones.events.TeacherContact;
import io.milestones.events.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * The reference of B11: the same contact records and tombstones written straight into the
 * notifier's tables (its own Flyway schema), {@value #BATCH} records per transaction, each batch as
 * one multi-row upsert of subscriptions ({@code INSERT ... ON CONFLICT} on PostgreSQL, {@code
 * MERGE} on H2), one of their scopes and one delete of the erased. No Kafka, no look-ups, no
 * events: what the database can take.
 */
final class UpsertReference {

    static final int BATCH = 1_000;

    private UpsertReference() {}

    /** Applies the workload; returns the nanoseconds it took. */
    static long run(Database database, Workload workload) throws SQLException {
        Flyway.configure()
                .dataSource(database.url(), database.user(), "")
                .locations("classpath:db/migration/notifier")
                .load()
                .migrate();
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            List<Workload.Op> batch = new ArrayList<>(BATCH);
            long t0 = System.nanoTime();
            SQLException[] failed = new SQLException[1];
            workload.forEach(
                    op -> {
                        if (!Topics.TEACHER_CONTACTS.equals(op.topic()) || failed[0] != null) {
                            return;
                        }
                        batch.add(op);
                        if (batch.size() == BATCH) {
                            failed[0] = write(c, database.postgres(), batch);
                            batch.clear();
                        }
                    });
            if (failed[0] == null && !batch.isEmpty()) {
                failed[0] = write(c, database.postgres(), batch);
            }
            if (failed[0] != null) {
                throw failed[0];
            }
            return System.nanoTime() - t0;
        }
    }

    private static SQLException write(Connection c, boolean postgres, List<Workload.Op> ops) {
        // the last record of each teacher in the batch decides; an erasure before it deletes first
        Map<String, TeacherContact> upserts = new LinkedHashMap<>();
        List<String> deletes = new ArrayList<>();
        for (Workload.Op op : ops) {
            if (op.contact() == null) {
                upserts.remove(op.key());
                deletes.add(op.key());
            } else {
                upserts.put(op.key(), op.contact());
            }
        }
        try {
            if (!deletes.isEmpty()) {
                try (var delete =
                        c.prepareStatement(
                                "delete from subscriptions where teacher_id in ("
                                        + marks(deletes.size(), 1)
                                        + ")")) {
                    for (int i = 0; i < deletes.size(); i++) {
                        delete.setString(i + 1, deletes.get(i));
                    }
                    delete.executeUpdate();
                }
            }
            if (!upserts.isEmpty()) {
                upsertSubscriptions(c, postgres, new ArrayList<>(upserts.values()));
                insertScopes(c, postgres, new ArrayList<>(upserts.values()));
            }
            c.commit();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static void upsertSubscriptions(
            Connection c, boolean postgres, List<TeacherContact> contacts) throws SQLException {
        String values = marks(contacts.size(), 7);
        String sql =
                postgres
                        ? "insert into subscriptions (id, email, language, status, teacher_id,"
                                + " created_at, confirmed_at) values "
                                + values
                                + " on conflict (teacher_id) do update set status = 'CONFIRMED',"
                                + " confirmed_at = coalesce(subscriptions.confirmed_at,"
                                + " excluded.confirmed_at)"
                        : "merge into subscriptions t using (values "
                                + values
                                + ") s (id, email, language, status, teacher_id, created_at,"
                                + " confirmed_at) on t.teacher_id = s.teacher_id when matched then"
                                + " update set status = 'CONFIRMED', confirmed_at ="
                                + " coalesce(t.confirmed_at, s.confirmed_at) when not matched then"
                                + " insert (id, email, language, status, teacher_id, created_at,"
                                + " confirmed_at) values (s.id, s.email, s.language, s.status,"
                                + " s.teacher_id, s.created_at, s.confirmed_at)";
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement upsert = c.prepareStatement(sql)) {
            int p = 1;
            for (TeacherContact t : contacts) {
                upsert.setObject(p++, UUID.randomUUID());
                upsert.setString(p++, Workload.email(t.teacherId()));
                upsert.setString(p++, t.language());
                upsert.setString(p++, "CONFIRMED");
                upsert.setString(p++, t.teacherId());
                upsert.setTimestamp(p++, now);
                upsert.setTimestamp(p++, now);
            }
            upsert.executeUpdate();
        }
    }

    private static void insertScopes(Connection c, boolean postgres, List<TeacherContact> contacts)
            throws SQLException {
        String select =
                "select s.id, v.scope from subscriptions s join (values "
                        + marks(contacts.size() * 2, 2)
                        + ") v (teacher_id, scope) on s.teacher_id = v.teacher_id";
        String sql =
                postgres
                        ? "insert into subscription_scopes (subscription_id, scope) "
                                + select
                                + " on conflict do nothing"
                        : "merge into subscription_scopes key (subscription_id, scope) " + select;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            int p = 1;
            for (TeacherContact t : contacts) {
                insert.setString(p++, t.teacherId());
                insert.setString(p++, "global");
                insert.setString(p++, t.teacherId());
                insert.setString(p++, "country:" + t.country());
            }
            insert.executeUpdate();
        }
    }

    /** {@code (?, ?), (?, ?)} for rows of {@code columns}; bare {@code ?, ?} for one column. */
    static String marks(int rows, int columns) {
        String row =
                columns == 1
                        ? "?"
                        : "("
                                + String.join(", ", java.util.Collections.nCopies(columns, "?"))
                                + ")";
        return String.join(", ", java.util.Collections.nCopies(rows, row));
    }
}
