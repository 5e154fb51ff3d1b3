package io.milestones.notifier.email;

import io.milestones.notifier.delivery.PermanentDeliveryException;
import io.milestones.notifier.delivery.TransientDeliveryException;
import io.milestones.notifier.subscription.Emails;
import io.milestones.notifier.suppression.BounceType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sorts SMTP failures: a 5xx reply (recipient or message rejected) or a malformed address will
 * never work, so it is permanent; everything else (connection refused, timeouts, 4xx replies such
 * as greylisting or a full queue) may work later, so it is transient.
 */
final class SmtpFailures {

    /** An RFC 3463 status {@code 4.<subject>.<detail>}; the subject says what it is about. */
    private static final Pattern ENHANCED = Pattern.compile("\\b4\\.(\\d{1,3})\\.\\d{1,3}\\b");

    private SmtpFailures() {}

    /**
     * The failure as a delivery exception with a masked description and no cause: SMTP replies
     * quote the address, and a retry or dead-letter record carries the exception's message and
     * stack trace (causes included) in its headers, kept for the topic's retention.
     */
    static RuntimeException classify(Exception failure) {
        String reason = Emails.maskAll(describe(failure));
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof AddressException) {
                return new PermanentDeliveryException(reason, null);
            }
            int code = replyCode(cause);
            if (code >= 500 && code < 600) {
                return new PermanentDeliveryException(reason, null);
            }
        }
        return new TransientDeliveryException(reason, null);
    }

    /**
     * The recipient's server refused the address itself at {@code RCPT TO}: 5xx is a hard bounce,
     * 4xx a soft one. Connection failures and refusals of the message are no bounce of the address.
     */
    static Optional<BounceType> recipientBounce(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SMTPAddressFailedException e) {
                int code = e.getReturnCode();
                if (code >= 500 && code < 600) {
                    return Optional.of(BounceType.HARD);
                }
                if (code >= 400 && code < 500) {
                    return Optional.of(BounceType.SOFT);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The recipient's domain asked us to try later as a whole: a 421 (closing the connection), or a
     * 4xx whose enhanced status (RFC 3463) is not about one address or mailbox ({@code 4.1.x},
     * {@code 4.2.x}: a full mailbox slows nobody else), e.g. {@code 451 4.7.0} or Gmail's {@code
     * 421 4.7.28}. A 4xx without an enhanced status counts as the domain's.
     */
    static boolean domainThrottle(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            int code = replyCode(cause);
            if (code == 421) {
                return true;
            }
            if (code >= 400 && code < 500) {
                Matcher enhanced = ENHANCED.matcher(String.valueOf(cause.getMessage()));
                return !enhanced.find()
                        || !(enhanced.group(1).equals("1") || enhanced.group(1).equals("2"));
            }
        }
        return false;
    }

    static String describeMasked(Exception failure) {
        return Emails.maskAll(describe(failure));
    }

    private static int replyCode(Throwable cause) {
        if (cause instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (cause instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (cause instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return -1;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null && text.length() < 500; cause = next(cause)) {
            if (!text.isEmpty()) {
                text.append(" / ");
            }
            text.append(cause.getClass().getSimpleName());
            int code = replyCode(cause);
            if (code > 0
                    && (cause.getMessage() == null
                            || !cause.getMessage().strip().startsWith(String.valueOf(code)))) {
                text.append(' ').append(code);
            }
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage().strip());
            }
        }
        return text.toString();
    }
}
