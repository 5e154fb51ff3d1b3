package io.milestones.notifier.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * A small pool of open SMTP connections: a sender thread borrows one per e-mail and gives it back,
 * so a batch of e-mails travels over one connection per thread instead of one per e-mail. A
 * connection that failed is closed, never reused; one idle for a while is checked with NOOP first.
 */
@Component
class SmtpConnections implements DisposableBean {

    private final JavaMailSenderImpl mailSender;
    private final long idleCheckNanos;
    private final BlockingDeque<Pooled> idle = new LinkedBlockingDeque<>();

    SmtpConnections(JavaMailSenderImpl mailSender, MailProperties properties) {
        this.mailSender = mailSender;
        this.idleCheckNanos = properties.connectionIdleCheck().toNanos();
    }

    /**
     * Sends {@code message} (already saved) to its recipients over a pooled connection. A pooled
     * connection the server dropped in the meantime (it restarted, or timed us out) fails without
     * an SMTP reply; the message then goes once more over a new connection.
     */
    void send(MimeMessage message) throws MessagingException {
        Transport pooled = pooled();
        if (pooled != null) {
            try {
                sendOver(pooled, message);
                return;
            } catch (SendFailedException replied) {
                throw replied; // the server answered: not a stale connection
            } catch (MessagingException stale) {
                // fall through to a new connection
            }
        }
        sendOver(connect(), message);
    }

    private void sendOver(Transport transport, MimeMessage message) throws MessagingException {
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close(transport);
            throw e;
        }
        idle.offerFirst(new Pooled(transport, System.nanoTime()));
    }

    private Transport pooled() throws MessagingException {
        Pooled pooled;
        while ((pooled = idle.pollFirst()) != null) {
            boolean fresh = System.nanoTime() - pooled.since() < idleCheckNanos;
            if (fresh || pooled.transport().isConnected()) {
                return pooled.transport();
            }
            close(pooled.transport());
        }
        return null;
    }

    private Transport connect() throws MessagingException {
        Transport transport = mailSender.getSession().getTransport(mailSender.getProtocol());
        transport.connect(
                mailSender.getHost(),
                mailSender.getPort(),
                mailSender.getUsername(),
                mailSender.getPassword());
        return transport;
    }

    @Override
    public void destroy() {
        Pooled pooled;
        while ((pooled = idle.pollFirst()) != null) {
            close(pooled.transport());
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection may fail too; it is gone either way
        }
    }

    private record Pooled(Transport transport, long since) {}
}
