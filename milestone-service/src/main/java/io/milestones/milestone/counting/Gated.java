package io.milestones.milestone.counting;

import io.milestones.events.TeacherRegistered;

/**
 * Outcome of the registration gate: a first-seen registration to count, or a poison record for the
 * dead-letter topic (exactly one of the two is set).
 */
record Gated(TeacherRegistered registration, byte[] deadLetter) {

    static Gated count(TeacherRegistered registration) {
        return new Gated(registration, null);
    }

    static Gated deadLetter(byte[] raw) {
        return new Gated(null, raw == null ? new byte[0] : raw);
    }

    boolean isDeadLetter() {
        return deadLetter != null;
    }
}
