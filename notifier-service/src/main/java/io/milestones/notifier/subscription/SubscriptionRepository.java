package io.milestones.notifier.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Subscriptions and their scopes, in plain SQL that runs on H2 and PostgreSQL. */
@Repository
class SubscriptionRepository {

    private final JdbcTemplate jdbc;
    private final Clock clock;

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

    /** Confirmed subscribers of {@code scope} with an id after {@code after}, in id order. */
    List<Recipient> audienceChunk(String scope, UUID after, int limit) {
        String sql =
                "select s.id, s.email, s.language, s.teacher_id from subscription_scopes sc"
                        + " join subscriptions s on s.id = sc.subscription_id"
                        + " where sc.scope = ? and s.status = ?"
                        + (after == null ? "" : " and sc.subscription_id > ?")
                        + " order by sc.subscription_id fetch first "
                        + limit
                        + " rows only";
        Object[] args =
                after == null
                        ? new Object[] {scope, SubscriptionStatus.CONFIRMED.name()}
                        : new Object[] {scope, SubscriptionStatus.CONFIRMED.name(), after};
        return jdbc.query(
                sql,
                (rs, i) ->
                        new Recipient(
                                rs.getObject("id", UUID.class),
                                rs.getString("email"),
                                rs.getString("language"),
                                rs.getString("teacher_id")),
                args);
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
