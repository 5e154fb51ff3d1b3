package io.milestones.notifier.access;

import io.milestones.notifier.access.NotifierPersonalData.Crossed;
import io.milestones.notifier.access.NotifierPersonalData.Delivery;
import io.milestones.notifier.access.NotifierPersonalData.Name;
import io.milestones.notifier.access.NotifierPersonalData.Subscription;
import io.milestones.notifier.access.NotifierPersonalData.Suppression;
import io.milestones.notifier.suppression.AddressHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads every table of the notifier that can hold a teacher's name or address. */
@Component
class PersonalDataQuery {

    private final JdbcTemplate jdbc;

    PersonalDataQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    NotifierPersonalData of(String teacherId) {
        List<Subscription> subscriptions =
                jdbc.query(
                        "select id, email, language, status, created_at, confirmed_at"
                                + " from subscriptions where teacher_id = ?",
                        (rs, n) ->
                                new Subscription(
                                        rs.getString("id"),
                                        rs.getString("email"),
                                        rs.getString("language"),
                                        rs.getString("status"),
                                        scopes(rs.getString("id")),
                                        instant(rs, "created_at"),
                                        instant(rs, "confirmed_at")),
                        teacherId);
        List<Delivery> deliveries = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            deliveries.addAll(
                    jdbc.query(
                            // a SENT mark not yet folded into its row (decision 0313) counts
                            "select d.milestone_id, d.channel, d.recipient, case when"
                                    + " m.recipient is null then d.status else 'SENT' end"
                                    + " as status, d.attempts, d.bounce, d.created_at,"
                                    + " coalesce(m.sent_at, d.updated_at) as updated_at"
                                    + " from deliveries d left join sent_marks m"
                                    + " on m.milestone_id = d.milestone_id"
                                    + " and m.channel = d.channel and m.recipient = d.recipient"
                                    + " where d.recipient = ? order by d.created_at",
                            (rs, n) ->
                                    new Delivery(
                                            rs.getString("milestone_id"),
                                            rs.getString("channel"),
                                            rs.getString("recipient"),
                                            rs.getString("status"),
                                            rs.getInt("attempts"),
                                            rs.getString("bounce"),
                                            instant(rs, "created_at"),
                                            instant(rs, "updated_at")),
                            subscription.email()));
            suppressions.addAll(
                    jdbc.query(
                            "select address, reason, source, created_at from suppressions"
                                    + " where address_hash = ?",
                            (rs, n) ->
                                    new Suppression(
                                            rs.getString("address"),
                                            rs.getString("reason"),
                                            rs.getString("source"),
                                            instant(rs, "created_at")),
                            AddressHash.of(subscription.email())));
        }
        Name name =
                jdbc
                        .query(
                                "select display_name, public_name, updated_at from teacher_names"
                                        + " where teacher_id = ?",
                                (rs, n) ->
                                        new Name(
                                                rs.getString("display_name"),
                                                rs.getBoolean("public_name"),
                                                instant(rs, "updated_at")),
                                teacherId)
                        .stream()
                        .findFirst()
                        .orElse(null);
        List<Crossed> crossed =
                jdbc.query(
                        "select milestone_id, crossed_by_name, reached_at from celebrated_milestones"
                                + " where crossed_by_teacher_id = ? order by reached_at",
                        (rs, n) ->
                                new Crossed(
                                        rs.getString("milestone_id"),
                                        rs.getString("crossed_by_name"),
                                        instant(rs, "reached_at")),
                        teacherId);
        return new NotifierPersonalData(
                teacherId, name, subscriptions, deliveries, suppressions, crossed);
    }

    private List<String> scopes(String subscriptionId) {
        return jdbc.queryForList(
                "select scope from subscription_scopes where subscription_id = ? order by scope",
                String.class,
                java.util.UUID.fromString(subscriptionId));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
