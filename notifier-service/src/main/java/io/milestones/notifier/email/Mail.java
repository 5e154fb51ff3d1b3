package io.milestones.notifier.email;

/**
 * One e-mail ready to send.
 *
 * @param to the recipient address
 * @param subject the subject line, free of CR/LF
 * @param text the plain-text body
 * @param html the HTML body
 * @param messageId the deterministic {@code Message-ID} (without angle brackets)
 */
record Mail(String to, String subject, String text, String html, String messageId) {}
