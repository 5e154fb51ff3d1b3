package io.milestones.notifier.subscription;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.milestones.notifier.links.SignedTokens;
import io.milestones.notifier.links.TokenPurpose;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Reads the mailbox behind {@code List-Unsubscribe}'s {@code mailto:} and unsubscribes whoever the
 * signed token in each message names. Every message read is deleted: one with a valid token after
 * its subscription is gone, one without (spam, a forged or expired token) at once, so the mailbox
 * never fills up. Nothing is answered, and no address is logged.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "milestones.mail.unsubscribe-inbox.enabled", havingValue = "true")
class UnsubscribeInbox implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeInbox.class);

    private final UnsubscribeInboxProperties properties;
    private final SignedTokens tokens;
    private final SubscriptionService subscriptions;
    private final Counter unsubscribed;
    private final Counter invalid;
    private final Counter failures;

    UnsubscribeInbox(
            UnsubscribeInboxProperties properties,
            SignedTokens tokens,
            SubscriptionService subscriptions,
            MeterRegistry meters) {
        this.properties = properties;
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.unsubscribed = mails(meters, "unsubscribed");
        this.invalid = mails(meters, "invalid");
        this.failures =
                Counter.builder("milestones.unsubscribe.inbox.failures")
                        .description("Readings of the unsubscribe mailbox that failed")
                        .register(meters);
    }

    private static Counter mails(MeterRegistry meters, String outcome) {
        return Counter.builder("milestones.unsubscribe.mails")
                .description("E-mails read from the unsubscribe mailbox, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::poll, properties.pollInterval());
    }

    /** One reading: at most {@code batch-size} messages, each handled and deleted. */
    void poll() {
        try {
            int handled = readOnce();
            if (handled > 0) {
                log.info("Unsubscribe mailbox: {} message(s) handled", handled);
            }
        } catch (MessagingException | RuntimeException e) {
            failures.increment();
            // the server's message, never a message's content or sender
            log.warn(
                    "Could not read the unsubscribe mailbox {}://{}: {}",
                    properties.protocol(),
                    properties.host(),
                    e.toString());
        }
    }

    private int readOnce() throws MessagingException {
        Session session = Session.getInstance(sessionProperties());
        try (Store store = session.getStore(properties.protocol())) {
            store.connect(
                    properties.host(),
                    properties.port() == 0 ? -1 : properties.port(),
                    properties.username(),
                    properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_WRITE);
            int handled = 0;
            try {
                int count = Math.min(folder.getMessageCount(), properties.batchSize());
                for (Message message : count == 0 ? new Message[0] : folder.getMessages(1, count)) {
                    handle(message);
                    message.setFlag(Flags.Flag.DELETED, true);
                    handled++;
                }
            } finally {
                folder.close(true); // expunge: what was handled is gone
            }
            return handled;
        }
    }

    private void handle(Message message) throws MessagingException {
        Optional<UUID> subscription =
                UnsubscribeMail.token(message)
                        .flatMap(token -> tokens.verify(token, TokenPurpose.UNSUBSCRIBE));
        if (subscription.isPresent()) {
            subscriptions.unsubscribe(subscription.get());
            unsubscribed.increment();
        } else {
            invalid.increment();
        }
    }

    private Properties sessionProperties() {
        String prefix = "mail." + properties.protocol() + ".";
        String timeout = String.valueOf(properties.timeout().toMillis());
        Properties session = new Properties();
        session.put(prefix + "connectiontimeout", timeout);
        session.put(prefix + "timeout", timeout);
        session.put(prefix + "writetimeout", timeout);
        return session;
    }
}
