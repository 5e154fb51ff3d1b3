package io.milestones.notifier.milestone;

import io.milestones.notifier.subscription.SubscriberErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An erased teacher's name leaves the milestones they crossed. */
@Component
class NameErasure {

    private final MilestoneArchive archive;

    NameErasure(MilestoneArchive archive) {
        this.archive = archive;
    }

    @EventListener
    void on(SubscriberErased erased) {
        archive.eraseName(erased.teacherId());
    }
}
