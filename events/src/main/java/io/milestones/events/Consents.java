package io.milestones.events;

/**
 * What a teacher agreed to at registration.
 *
 * @param milestoneEmails the teacher wants congratulation e-mails (which include a personal note to
 *     them when they crossed a milestone)
 * @param publicName the teacher may be named to others (subscribers' e-mails, posts, the card, the
 *     public pages) when they are the one who crossed a milestone; absent in v1 records, which read
 *     as {@code false}
 */
public record Consents(boolean milestoneEmails, boolean publicName) {

    /** No consent given. */
    public static Consents none() {
        return new Consents(false, false);
    }
}
