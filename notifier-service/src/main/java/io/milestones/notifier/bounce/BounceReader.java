package io.milestones.notifier.bounce;

import io.milestones.notifier.bounce.BounceReport.Kind;
import io.milestones.notifier.email.ReturnPaths;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.springframework.stereotype.Component;

/**
 * Classifies a message of the bounce mailbox: an RFC 3464 delivery status notification ({@code
 * multipart/report; report-type=delivery-status}, read with Angus Mail's {@link DeliveryStatus}),
 * an RFC 5965 ARF complaint ({@code report-type=feedback-report}), a classic bounce that names its
 * failed recipients ({@code X-Failed-Recipients}), an automatic reply (RFC 3834 {@code
 * Auto-Submitted} and the headers vacation programs use) or unknown. Finds the VERP token it was
 * sent back to and the Message-ID of the returned message.
 */
@Component
class BounceReader {

    private static final Pattern AUTO_SUBJECT =
            Pattern.compile(
                    "(?i)^\\s*(out of (the )?office|automatic reply|auto(matic)?[- ]?(reply|response)"
                            + "|vacation|abwesenheit|absence|assente|fuera de la oficina|auto:).*");

    private final ReturnPaths returnPaths;

    BounceReader(ReturnPaths returnPaths) {
        this.returnPaths = returnPaths;
    }

    BounceReport read(MimeMessage message) throws MessagingException, IOException {
        List<InternetHeaders> returned = new ArrayList<>();
        DeliveryStatus dsn = null;
        InternetHeaders feedback = null;
        if (message.isMimeType("multipart/report")
                && message.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("message/delivery-status")) {
                    dsn = new DeliveryStatus(part.getInputStream());
                } else if (part.isMimeType("message/feedback-report")) {
                    feedback = new InternetHeaders(part.getInputStream());
                } else if (part.isMimeType("text/rfc822-headers")
                        || part.isMimeType("message/rfc822")) {
                    returned.add(new InternetHeaders(raw(part)));
                }
            }
        }
        String token = token(message, returned, feedback);
        String messageId =
                returned.stream()
                        .map(h -> h.getHeader("Message-ID", null))
                        .filter(id -> id != null)
                        .findFirst()
                        .orElse(null);
        if (dsn != null) {
            return fromDsn(dsn, token, messageId);
        }
        if (feedback != null) {
            String recipient = address(feedback.getHeader("Original-Rcpt-To", null));
            if (recipient == null) {
                recipient =
                        returned.stream()
                                .map(h -> address(h.getHeader("To", null)))
                                .filter(a -> a != null)
                                .findFirst()
                                .orElse(null);
            }
            return new BounceReport(
                    Kind.COMPLAINT,
                    recipient,
                    token,
                    messageId,
                    "ARF " + field(feedback, "Feedback-Type"));
        }
        String failed = message.getHeader("X-Failed-Recipients", null);
        if (failed != null) {
            return new BounceReport(
                    Kind.HARD,
                    address(failed.split(",")[0]),
                    token,
                    messageId,
                    "X-Failed-Recipients");
        }
        Kind kind = autoReply(message) ? Kind.AUTO_REPLY : Kind.UNKNOWN;
        return new BounceReport(kind, null, token, messageId, null);
    }

    private static BounceReport fromDsn(DeliveryStatus dsn, String token, String messageId) {
        for (int i = 0; i < dsn.getRecipientDSNCount(); i++) {
            InternetHeaders recipient = dsn.getRecipientDSN(i);
            String action = field(recipient, "Action").toLowerCase(Locale.ROOT);
            String status = field(recipient, "Status");
            if (!action.startsWith("failed") && !action.startsWith("delayed")) {
                continue;
            }
            Kind kind =
                    status.startsWith("5") ? Kind.HARD : status.startsWith("4") ? Kind.SOFT : null;
            if (kind == null) {
                continue;
            }
            String address = address(recipient.getHeader("Final-Recipient", null));
            if (address == null) {
                address = address(recipient.getHeader("Original-Recipient", null));
            }
            return new BounceReport(
                    kind,
                    address,
                    token,
                    messageId,
                    status + " " + field(recipient, "Diagnostic-Code"));
        }
        return new BounceReport(Kind.UNKNOWN, null, token, messageId, "DSN without failure");
    }

    private String token(
            MimeMessage message, List<InternetHeaders> returned, InternetHeaders feedback)
            throws MessagingException {
        List<String> values = new ArrayList<>();
        for (String name :
                List.of("To", "Delivered-To", "X-Original-To", "Envelope-To", "Return-Path")) {
            String[] found = message.getHeader(name);
            if (found != null) {
                values.addAll(List.of(found));
            }
        }
        if (feedback != null) {
            values.add(field(feedback, "Original-Mail-From"));
        }
        for (InternetHeaders headers : returned) {
            values.add(field(headers, "Return-Path"));
        }
        return values.stream()
                .map(returnPaths::tokenIn)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
    }

    private static boolean autoReply(MimeMessage message) throws MessagingException {
        String auto = message.getHeader("Auto-Submitted", null);
        if (auto != null && !auto.strip().equalsIgnoreCase("no")) {
            return true;
        }
        if (message.getHeader("X-Autoreply", null) != null
                || message.getHeader("X-Autorespond", null) != null) {
            return true;
        }
        String precedence = message.getHeader("Precedence", ",");
        if (precedence != null
                && precedence.strip().toLowerCase(Locale.ROOT).matches("auto_reply|bulk|junk")) {
            return true;
        }
        String subject = message.getSubject();
        return subject != null && AUTO_SUBJECT.matcher(subject).matches();
    }

    /** A field's value, or "" when absent (InternetHeaders answers null). */
    private static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, ",");
        return value == null ? "" : value.strip();
    }

    /** {@code rfc822; a@b}, {@code <a@b>} or {@code a@b} → {@code a@b}, lower case. */
    static String address(String field) {
        if (field == null) {
            return null;
        }
        String value = field.contains(";") ? field.substring(field.indexOf(';') + 1) : field;
        value = value.strip();
        int open = value.indexOf('<');
        if (open >= 0 && value.indexOf('>', open) > open) {
            value = value.substring(open + 1, value.indexOf('>', open));
        }
        return value.contains("@") ? value.strip().toLowerCase(Locale.ROOT) : null;
    }

    private static java.io.InputStream raw(Part part) throws MessagingException, IOException {
        return part.getInputStream();
    }
}
