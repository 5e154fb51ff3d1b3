package io.milestones.notifier.email;

import io.milestones.notifier.delivery.PermanentDeliveryException;
import io.milestones.notifier.delivery.TransientDeliveryException;
import io.milestones.notifier.subscription.Emails;
import io.milestones.notifier.suppression.BounceType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sorts SMTP failures: a 5xx reply (recipient or message rejected) or a malformed address will
 * never work, so it is permanent; everything else (connection refused, timeouts, 4xx replies such
 * as greylisting or a full queue) may work later, so it is transient.
 */
final class SmtpFailures {

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
