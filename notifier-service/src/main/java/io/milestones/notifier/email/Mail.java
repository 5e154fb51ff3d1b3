package io.milestones.notifier.email;

import java.net.URI;

/**
 * One e-mail ready to send.
 *
 * @param to the recipient address
 * @param subject the subject line, free of CR/LF
 * @param text the plain-text body
 * @param html the HTML body
 * @param messageId the deterministic {@code Message-ID} (without angle brackets), or {@code null}
 *     to let JavaMail make one
 * @param unsubscribe the one-click unsubscribe links, or {@code null} (team addresses, opt-in mail)
 */
record Mail(
        String to,
        String subject,
        String text,
        String html,
        String messageId,
        Unsubscribe unsubscribe) {

    /**
     * RFC 8058 / RFC 2369 unsubscribe targets.
     *
     * @param https the HTTPS URL that unsubscribes on POST
     * @param mailto the {@code mailto:} alternative
     */
    record Unsubscribe(URI https, URI mailto) {

        /** {@code List-Unsubscribe}: both targets, HTTPS first. */
        String listUnsubscribe() {
            return "<" + https + ">, <" + mailto + ">";
        }
    }
}
