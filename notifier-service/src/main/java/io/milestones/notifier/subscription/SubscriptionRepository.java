package io.milestones.notifier.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Subscriptions and their scopes, in plain SQL that runs on H2 and PostgreSQL. */
@Repository
class SubscriptionRepository {

    /** Rows (or keys) per statement of the batch writes and look-ups. */
    static final int CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private Boolean postgres;

    SubscriptionRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Subscription> findById(UUID id) {
        return one("select * from subscriptions where id = ?", id);
    }

    Optional<Subscription> findByEmail(String email) {
        return one("select * from subscriptions where email = ?", email);
    }

    Optional<Subscription> findByTeacher(String teacherId) {
        return one("select * from subscriptions where teacher_id = ?", teacherId);
    }

    @Transactional
    void insert(Subscription s) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "insert into subscriptions (id, email, language, status, teacher_id, created_at,"
                        + " confirmed_at) values (?, ?, ?, ?, ?, ?, ?)",
                s.id(),
                s.email(),
                s.language(),
                s.status().name(),
                s.teacherId(),
                now,
                s.confirmed() ? now : null);
        replaceScopes(s.id(), s.scopes());
    }

    /** Language, status, teacher and scopes of an existing subscription. */
    @Transactional
    void update(Subscription s) {
        jdbc.update(
                "update subscriptions set language = ?, status = ?, teacher_id = ?,"
                        + " confirmed_at = coalesce(confirmed_at, ?) where id = ?",
                s.language(),
                s.status().name(),
                s.teacherId(),
                s.confirmed() ? Timestamp.from(clock.instant()) : null,
                s.id());
        replaceScopes(s.id(), s.scopes());
    }

    boolean delete(UUID id) {
        return jdbc.update("delete from subscriptions where id = ?", id) > 0;
    }

    /** Whether {@code id} is a confirmed subscription (it may be gone, or never confirmed). */
    boolean isConfirmed(UUID id) {
        Integer found =
                jdbc.queryForObject(
                        "select count(*) from subscriptions where id = ? and status = ?",
                        Integer.class,
                        id,
                        SubscriptionStatus.CONFIRMED.name());
        return found != null && found > 0;
    }

    /**
     * The addresses of those of {@code ids} that are confirmed subscriptions, {@value #CHUNK} ids
     * to a statement: what the senders resolve a poll's requests with. Unsubscribed, erased or
     * never confirmed ids are absent.
     */
    Map<UUID, String> confirmedAddresses(Collection<UUID> ids) {
        Map<UUID, String> found = new HashMap<>();
        // one array parameter, not an IN list of 1,000: H2 walks every statement its session has
        // cached (this one too) on each update of another table, so a long list slowed every
        // SENT mark of the senders
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.query(
                    "select id, email from subscriptions where id = any(?) and status = ?",
                    statement -> {
                        statement.setArray(
                                1,
                                statement
                                        .getConnection()
                                        .createArrayOf("uuid", chunk.toArray(UUID[]::new)));
                        statement.setString(2, SubscriptionStatus.CONFIRMED.name());
                    },
                    rs -> {
                        found.put(rs.getObject("id", UUID.class), rs.getString("email"));
                    });
        }
        return found;
    }

    /**
     * One chunk of a scope's confirmed audience, after a subscription id, in id order. The order
     * names the index's two columns ({@code scope}, {@code subscription_id}): ordered by the id
     * alone, H2 did not see that the index is already in that order, so it read and sorted the
     * whole audience for every chunk of 1,000 (a fan-out to 100,000 read 10 million rows).
     */
    static final String AUDIENCE =
            "select s.id, s.email, s.language, s.teacher_id from subscription_scopes sc"
                    + " join subscriptions s on s.id = sc.subscription_id"
                    + " where sc.scope = ? and s.status = ? and sc.subscription_id > ?"
                    + " order by sc.scope, sc.subscription_id fetch first ? rows only";

    /** Below every subscription id: where the first chunk starts. */
    static final UUID BEFORE_ALL = new UUID(0, 0);

    /** Confirmed subscribers of {@code scope} with an id after {@code after}, in id order. */
    List<Recipient> audienceChunk(String scope, UUID after, int limit) {
        return jdbc.query(
                AUDIENCE,
                (rs, i) ->
                        new Recipient(
                                rs.getObject("id", UUID.class),
                                rs.getString("email"),
                                rs.getString("language"),
                                rs.getString("teacher_id")),
                scope,
                SubscriptionStatus.CONFIRMED.name(),
                after == null ? BEFORE_ALL : after,
                limit);
    }

    /**
     * The stored subscriptions of {@code teachers} and of {@code emails}, with their scopes: what a
     * batch of registrations starts from. A few queries per batch, none per record.
     */
    List<SubscriberBatch.Row> storedFor(Set<String> teachers, Set<String> emails) {
        Map<UUID, SubscriberBatch.Row> found = new LinkedHashMap<>();
        RowMapper<SubscriberBatch.Row> row =
                (rs, i) ->
                        new SubscriberBatch.Row(
                                withoutScopes(rs, i),
                                rs.getTimestamp("created_at").toInstant(),
                                instant(rs.getTimestamp("confirmed_at")),
                                instant(rs.getTimestamp("registered_at")));
        for (String column : List.of("teacher_id", "email")) {
            for (List<String> chunk : chunks(column.equals("email") ? emails : teachers)) {
                jdbc.query(
                                "select * from subscriptions where "
                                        + column
                                        + " in ("
                                        + marks(chunk.size(), 1)
                                        + ")",
                                row,
                                chunk.toArray())
                        .forEach(r -> found.putIfAbsent(r.subscription().id(), r));
            }
        }
        Map<UUID, Set<String>> scopes = new HashMap<>();
        for (List<UUID> chunk : chunks(found.keySet())) {
            jdbc.query(
                    "select subscription_id, scope from subscription_scopes where subscription_id"
                            + " in ("
                            + marks(chunk.size(), 1)
                            + ")",
                    rs -> {
                        scopes.computeIfAbsent(
                                        rs.getObject("subscription_id", UUID.class),
                                        k -> new HashSet<>())
                                .add(rs.getString("scope"));
                    },
                    chunk.toArray());
        }
        return found.values().stream()
                .map(
                        r -> {
                            Subscription s = r.subscription();
                            return new SubscriberBatch.Row(
                                    new Subscription(
                                            s.id(),
                                            s.email(),
                                            s.language(),
                                            s.status(),
                                            s.teacherId(),
                                            Set.copyOf(scopes.getOrDefault(s.id(), Set.of()))),
                                    r.createdAt(),
                                    r.confirmedAt(),
                                    r.registeredAt());
                        })
                .toList();
    }

    /** Deletes these subscriptions (and, by cascade, their scopes). */
    void deleteAll(List<UUID> ids) {
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.update(
                    "delete from subscriptions where id in (" + marks(chunk.size(), 1) + ")",
                    chunk.toArray());
        }
    }

    /**
     * Inserts or updates these rows by id, {@value #CHUNK} to a statement: {@code INSERT ... ON
     * CONFLICT} on PostgreSQL, {@code MERGE ... KEY} on H2. Stored rows before new ones, so an
     * address or teacher that moves is free before it is taken.
     */
    void upsertAll(List<SubscriberBatch.Row> rows) {
        for (List<SubscriberBatch.Row> chunk : chunks(rows)) {
            String values = marks(chunk.size(), 8);
            String sql =
                    postgres()
                            ? "insert into subscriptions (id, email, language, status, teacher_id,"
                                    + " created_at, confirmed_at, registered_at) values "
                                    + values
                                    + " on conflict (id) do update set email = excluded.email,"
                                    + " language = excluded.language, status = excluded.status,"
                                    + " teacher_id = excluded.teacher_id, confirmed_at ="
                                    + " excluded.confirmed_at, registered_at ="
                                    + " excluded.registered_at"
                            : "merge into subscriptions (id, email, language, status, teacher_id,"
                                    + " created_at, confirmed_at, registered_at) key (id) values "
                                    + values;
            List<Object> args = new ArrayList<>(chunk.size() * 8);
            for (SubscriberBatch.Row row : chunk) {
                Subscription s = row.subscription();
                args.add(s.id());
                args.add(s.email());
                args.add(s.language());
                args.add(s.status().name());
                args.add(s.teacherId());
                args.add(Timestamp.from(row.createdAt()));
                args.add(row.confirmedAt() == null ? null : Timestamp.from(row.confirmedAt()));
                args.add(row.registeredAt() == null ? null : Timestamp.from(row.registeredAt()));
            }
            jdbc.update(sql, args.toArray());
        }
    }

    /** Adds scopes to subscriptions; a scope already there stays as it is. */
    void addScopes(Map<UUID, Set<String>> scopes) {
        List<Object[]> pairs = new ArrayList<>();
        scopes.forEach((id, set) -> set.forEach(scope -> pairs.add(new Object[] {id, scope})));
        for (List<Object[]> chunk : chunks(pairs)) {
            String values = marks(chunk.size(), 2);
            String sql =
                    postgres()
                            ? "insert into subscription_scopes (subscription_id, scope) values "
                                    + values
                                    + " on conflict do nothing"
                            : "merge into subscription_scopes (subscription_id, scope)"
                                    + " key (subscription_id, scope) values "
                                    + values;
            jdbc.update(sql, chunk.stream().flatMap(Arrays::stream).toArray());
        }
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres =
                    jdbc.execute(
                            (ConnectionCallback<Boolean>)
                                    c ->
                                            c.getMetaData()
                                                    .getDatabaseProductName()
                                                    .toLowerCase(Locale.ROOT)
                                                    .contains("postgres"));
        }
        return postgres;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static <T> List<List<T>> chunks(java.util.Collection<T> all) {
        List<T> list = List.copyOf(all);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
        return chunks;
    }

    /** {@code ?, ?} for one column, {@code (?, ?), (?, ?)} for rows of several. */
    private static String marks(int rows, int columns) {
        String row =
                columns == 1
                        ? "?"
                        : "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    private void replaceScopes(UUID id, Set<String> scopes) {
        jdbc.update("delete from subscription_scopes where subscription_id = ?", id);
        List<Object[]> rows = new ArrayList<>();
        for (String scope : scopes) {
            rows.add(new Object[] {id, scope});
        }
        jdbc.batchUpdate(
                "insert into subscription_scopes (subscription_id, scope) values (?, ?)", rows);
    }

    private Optional<Subscription> one(String sql, Object arg) {
        List<Subscription> found = jdbc.query(sql, SubscriptionRepository::withoutScopes, arg);
        return found.stream().findFirst().map(this::withScopes);
    }

    private Subscription withScopes(Subscription s) {
        Set<String> scopes =
                new HashSet<>(
                        jdbc.queryForList(
                                "select scope from subscription_scopes where subscription_id = ?",
                                String.class,
                                s.id()));
        return new Subscription(
                s.id(), s.email(), s.language(), s.status(), s.teacherId(), Set.copyOf(scopes));
    }

    private static Subscription withoutScopes(ResultSet rs, int row) throws SQLException {
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("language"),
                SubscriptionStatus.valueOf(rs.getString("status")),
                rs.getString("teacher_id"),
                Set.of());
    }
}
