package io.milestones.notifier.fanout;

import io.milestones.events.MilestoneReached;
import io.milestones.events.ScopeType;
import io.milestones.notifier.Sleeper;
import io.milestones.notifier.milestone.TeacherNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Before a milestone's e-mails are requested, waits for the contact of the teacher who crossed it,
 * until {@code milestones.fanout.crossing-name-wait} after the milestone was detected. Her
 * registration and her contact record leave registration-service together, but the milestone is
 * counted on one topic and the contact read from another, by another consumer: under load the
 * milestone's e-mails were rendered a moment before her name was known, and went out without it
 * though she had agreed to be named. Every registration carries a name, so a teacher without a
 * {@code teacher_names} row is one whose contact has not been read yet (or who was erased: then the
 * wait runs out and the e-mails name nobody, as they must). A milestone handled later than that (a
 * notifier catching up) does not wait at all.
 */
@Component
class CrossingTeacherName {

    private static final Logger log = LoggerFactory.getLogger(CrossingTeacherName.class);

    private static final Duration POLL = Duration.ofMillis(50);

    private final TeacherNames names;
    private final Duration wait;
    private final Clock clock;
    private final Sleeper sleeper;

    @Autowired
    CrossingTeacherName(TeacherNames names, FanOutProperties properties, Clock clock) {
        this(names, properties.crossingNameWait(), clock, Sleeper.THREAD);
    }

    CrossingTeacherName(TeacherNames names, Duration wait, Clock clock, Sleeper sleeper) {
        this.names = names;
        this.wait = wait;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Returns once the crossing teacher's contact has been read, or the wait has run out. */
    void awaitContact(MilestoneReached milestone) {
        if (milestone.scope().type() == ScopeType.CAMPAIGN) {
            return; // a chain's milestone is crossed by an answer, not by a registration
        }
        String teacherId = milestone.crossedBy().teacherId();
        Instant deadline = milestone.detectedAt().plus(wait);
        while (names.find(teacherId).isEmpty()) {
            if (!clock.instant().isBefore(deadline)) {
                log.info(
                        "Milestone {}: the crossing teacher's contact not read within {} of the"
                                + " milestone; its e-mails name nobody",
                        milestone.milestoneId(),
                        wait);
                return;
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
