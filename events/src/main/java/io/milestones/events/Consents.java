package io.milestones.events;

/**
 * What a teacher agreed to at registration.
 *
 * @param milestoneEmails the teacher wants congratulation e-mails, and allows their display name to
 *     be shown when they are the one who crossed a milestone
 */
public record Consents(boolean milestoneEmails) {

    /** No consent given. */
    public static Consents none() {
        return new Consents(false);
    }
}
