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
 * @param inline a picture the HTML shows by {@code cid:}, or {@code null}
 * @param encodings the {@code Content-Transfer-Encoding} of the text and of the HTML, decided once
 *     for every e-mail of a rendering; {@code null} lets JavaMail scan each body to decide
 */
record Mail(
        String to,
        String subject,
        String text,
        String html,
        String messageId,
        Unsubscribe unsubscribe,
        InlineImage inline,
        Encodings encodings) {

    /**
     * The transfer encodings of the two bodies ({@code quoted-printable} or {@code base64}).
     *
     * @param text the plain text's
     * @param html the HTML's
     */
    record Encodings(String text, String html) {}

    /**
     * A PNG inside the message ({@code multipart/related}), shown by the HTML as {@code
     * cid:<contentId>}.
     *
     * @param contentId the {@code Content-ID} without angle brackets
     * @param png the bytes
     * @param altText what the picture says, for screen readers and clients that block images
     * @param width width in pixels
     * @param height height in pixels
     */
    record InlineImage(String contentId, byte[] png, String altText, int width, int height) {}

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
