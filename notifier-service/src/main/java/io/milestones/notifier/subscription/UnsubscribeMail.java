package io.milestones.notifier.subscription;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the unsubscribe token in an e-mail sent to the {@code List-Unsubscribe} mailbox. The {@code
 * mailto:} puts {@code unsubscribe <token>} in the subject; mail programs may prefix it ({@code
 * Re:}, {@code Fwd:}) or a person may paste it into the body, so the subject is searched first and
 * then the plain-text body.
 */
final class UnsubscribeMail {

    private static final Pattern TOKEN =
            Pattern.compile("(?i)\\bunsubscribe\\s+([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

    /** Plain-text bodies longer than this are not searched. */
    private static final int MAX_BODY = 64 * 1024;

    private UnsubscribeMail() {}

    static Optional<String> token(Message message) throws MessagingException {
        Optional<String> inSubject = token(message.getSubject());
        if (inSubject.isPresent()) {
            return inSubject;
        }
        try {
            return token(plainText(message));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<String> token(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = TOKEN.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && part.getSize() <= MAX_BODY) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
