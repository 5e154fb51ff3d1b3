package io.milestones.events;

import java.time.Instant;

/**
 * A teacher's personal data was erased (GDPR). The anonymous fact that they registered stays
 * counted; every downstream copy of their personal data must go. Key: {@code teacherId}. Type
 * {@code io.milestones.teacher.erased.v1}.
 *
 * @param teacherId whose data was erased
 * @param erasedAt when
 */
public record TeacherErased(String teacherId, Instant erasedAt) {

    public TeacherErased {
        Require.text(teacherId, "teacherId");
        Require.present(erasedAt, "erasedAt");
    }
}
