package io.milestones.notifier.milestone;

import io.milestones.notifier.subscription.SubscriberErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An erased teacher's name leaves {@code teacher_names} and the milestones they crossed. */
@Component
class NameErasure {

    private final MilestoneArchive archive;
    private final TeacherNames names;

    NameErasure(MilestoneArchive archive, TeacherNames names) {
        this.archive = archive;
        this.names = names;
    }

    @EventListener
    void on(SubscriberErased erased) {
        names.delete(erased.teacherId());
        archive.eraseName(erased.teacherId());
    }
}
