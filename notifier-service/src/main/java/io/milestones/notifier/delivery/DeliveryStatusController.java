package io.milestones.notifier.delivery;

import io.milestones.notifier.subscription.Emails;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For ops: how the deliveries of one milestone stand, and which failed and why. Addresses are
 * masked, in the recipient column and inside error texts.
 */
@RestController
@Validated
class DeliveryStatusController {

    private final JdbcTemplate jdbc;
    private final SentMarks marks;

    DeliveryStatusController(JdbcTemplate jdbc, SentMarks marks) {
        this.jdbc = jdbc;
        this.marks = marks;
    }

    @GetMapping("/api/milestones/{milestoneId}/deliveries")
    DeliveryReport.Summary summary(@PathVariable String milestoneId) {
        int slots = 1 + DeliveryStatus.values().length;
        Map<Channel, long[]> counts = new EnumMap<>(Channel.class);
        long[] suppressedBeforeSend = {0};
        jdbc.query(
                "select channel, requests, suppressed from fan_outs where milestone_id = ?",
                rs -> {
                    Channel channel = Channel.valueOf(rs.getString(1));
                    counts.computeIfAbsent(channel, c -> new long[slots])[0] = rs.getLong(2);
                    if (channel == Channel.EMAIL) {
                        suppressedBeforeSend[0] = rs.getLong(3);
                    }
                },
                milestoneId);
        jdbc.query(
                // a PENDING row with a SENT mark not yet folded (decision 0313) is sent
                "select channel, status, count(*) from (select d.channel, case when m.recipient"
                        + " is null then d.status else 'SENT' end as status from deliveries d"
                        + " left join sent_marks m on m.milestone_id = d.milestone_id"
                        + " and m.channel = d.channel and m.recipient = d.recipient"
                        + " where d.milestone_id = ?) s group by channel, status",
                rs -> {
                    long[] c =
                            counts.computeIfAbsent(
                                    Channel.valueOf(rs.getString(1)), k -> new long[slots]);
                    c[1 + DeliveryStatus.valueOf(rs.getString(2)).ordinal()] = rs.getLong(3);
                },
                milestoneId);
        // a PENDING row whose mark is in a journal (decision 0314) is sent too; a fold between
        // the query and this look-up may count one twice for a moment, never below what was sent
        marks.unfoldedOf(milestoneId)
                .forEach(
                        (channel, unfolded) -> {
                            long[] c = counts.get(channel);
                            if (c != null) {
                                long moved = Math.min(unfolded, c[1]);
                                c[1] -= moved;
                                c[2] += moved;
                            }
                        });
        Map<Channel, DeliveryReport.Counts> channels = new EnumMap<>(Channel.class);
        counts.forEach(
                (channel, c) -> {
                    long pending = c[1], sent = c[2], failed = c[3], suppressed = c[4];
                    long queued = Math.max(0, c[0] - pending - sent - failed - suppressed);
                    channels.put(
                            channel,
                            new DeliveryReport.Counts(c[0], sent, failed, pending, queued));
                });
        return new DeliveryReport.Summary(
                milestoneId,
                channels,
                deliverability(
                        milestoneId,
                        suppressedBeforeSend[0],
                        counts.getOrDefault(Channel.EMAIL, new long[slots])[4]));
    }

    private DeliveryReport.Deliverability deliverability(
            String milestoneId, long suppressedBeforeSend, long suppressedAtSend) {
        Map<String, Long> bounces = new java.util.HashMap<>();
        jdbc.query(
                "select bounce, count(*) from deliveries where milestone_id = ? and channel = ?"
                        + " and bounce is not null group by bounce",
                rs -> {
                    bounces.put(rs.getString(1), rs.getLong(2));
                },
                milestoneId,
                Channel.EMAIL.name());
        return new DeliveryReport.Deliverability(
                bounces.getOrDefault("HARD", 0L),
                bounces.getOrDefault("SOFT", 0L),
                bounces.getOrDefault("COMPLAINT", 0L),
                suppressedBeforeSend,
                suppressedAtSend);
    }

    @GetMapping("/api/milestones/{milestoneId}/deliveries/failures")
    DeliveryReport.FailurePage failures(
            @PathVariable String milestoneId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Long total =
                jdbc.queryForObject(
                        "select count(*) from deliveries where milestone_id = ? and status = ?",
                        Long.class,
                        milestoneId,
                        DeliveryStatus.FAILED.name());
        var items =
                jdbc.query(
                        "select channel, recipient, attempts, last_error, updated_at"
                                + " from deliveries where milestone_id = ? and status = ?"
                                + " order by updated_at, recipient"
                                + " offset ? rows fetch next ? rows only",
                        (rs, i) ->
                                failure(
                                        Channel.valueOf(rs.getString("channel")),
                                        rs.getString("recipient"),
                                        rs.getInt("attempts"),
                                        Emails.maskAll(rs.getString("last_error")),
                                        rs.getTimestamp("updated_at").toInstant()),
                        milestoneId,
                        DeliveryStatus.FAILED.name(),
                        (long) page * size,
                        size);
        return new DeliveryReport.FailurePage(page, size, total == null ? 0 : total, items);
    }

    /** E-mail addresses are masked; a social channel's recipient is the community's account. */
    private static DeliveryReport.Failure failure(
            Channel channel,
            String recipient,
            int attempts,
            String lastError,
            java.time.Instant updatedAt) {
        return new DeliveryReport.Failure(
                channel,
                channel == Channel.EMAIL ? Emails.mask(recipient) : recipient,
                attempts,
                lastError,
                updatedAt);
    }
}
