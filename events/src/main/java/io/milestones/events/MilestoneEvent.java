package io.milestones.events;

/** What the {@link Topics#MILESTONES} topic carries. */
public sealed interface MilestoneEvent permits MilestoneReached, MilestoneApproaching {

    /** The key of the record and the id of the milestone it is about. */
    String milestoneId();

    Scope scope();

    long threshold();
}
