package io.milestones.notifier.milestone;

import io.milestones.events.MilestoneReached;

/** One way of celebrating a milestone (e-mail, social networks). */
public interface MilestoneChannel {

    /**
     * Celebrates {@code milestone}. Throwing makes the listener retry the record, then dead-letter
     * it.
     */
    void celebrate(MilestoneReached milestone);
}
