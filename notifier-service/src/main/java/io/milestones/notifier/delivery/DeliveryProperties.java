package io.milestones.notifier.delivery;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Senders: the consumer group on {@code notification-requests} and its non-blocking retries.
 *
 * @param concurrency consumer threads per instance (partitions bound the useful number)
 * @param sentMarksPerFold SENT marks a sender thread folds into the deliveries table at once at the
 *     most; it folds at the end of each poll too (decision 0313)
 * @param sentMarks where a SENT mark is kept until it is folded (decision 0314): {@code auto} — a
 *     journal file on an embedded H2 database, the {@code sent_marks} table on any other
 * @param sentMarksJournalDir the journal's directory; empty: beside the H2 database file ({@code
 *     <file>-sent-marks})
 */
@Validated
@ConfigurationProperties("milestones.delivery")
record DeliveryProperties(
        @DefaultValue("3") @Min(1) int concurrency,
        @DefaultValue("100") @Min(1) int sentMarksPerFold,
        @DefaultValue("auto") SentMarkStore sentMarks,
        @DefaultValue("") String sentMarksJournalDir) {

    /** Where SENT marks wait for their fold. */
    enum SentMarkStore {
        /** A journal on an embedded H2 database, the table on any other. */
        AUTO,
        /** Append-only files, one per sender thread: one notifier per database only. */
        JOURNAL,
        /** The {@code sent_marks} table, seen by every instance on the database. */
        TABLE
    }
}
