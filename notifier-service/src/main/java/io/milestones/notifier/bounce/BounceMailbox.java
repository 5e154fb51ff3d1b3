package io.milestones.notifier.bounce;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.milestones.notifier.bounce.BounceReport.Kind;
import io.milestones.notifier.delivery.DeliveryOutcomes;
import io.milestones.notifier.delivery.DeliveryOutcomes.EmailDelivery;
import io.milestones.notifier.email.MessageIds;
import io.milestones.notifier.suppression.Bounce;
import io.milestones.notifier.suppression.BounceType;
import io.milestones.notifier.suppression.Bounces;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Reads the bounce mailbox: each unread message is classified ({@link BounceReader}) and matched to
 * its delivery, by the VERP token it came back to or, without one, by the returned message's
 * Message-ID and the reported recipient. A bounce or complaint of ours is recorded ({@link
 * Bounces}) and deleted; an automatic reply, an unmatched report or an unrelated message is left
 * where it is (marked read, so it is not read again) and counted. No address is logged.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "milestones.mail.bounce-mailbox.enabled", havingValue = "true")
class BounceMailbox implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private final BounceMailboxProperties properties;
    private final BounceReader reader;
    private final DeliveryOutcomes deliveries;
    private final Bounces bounces;
    private final MeterRegistry meters;

    BounceMailbox(
            BounceMailboxProperties properties,
            BounceReader reader,
            DeliveryOutcomes deliveries,
            Bounces bounces,
            MeterRegistry meters) {
        this.properties = properties;
        this.reader = reader;
        this.deliveries = deliveries;
        this.bounces = bounces;
        this.meters = meters;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::poll, properties.pollInterval());
    }

    void poll() {
        try {
            readOnce();
        } catch (MessagingException | IOException | RuntimeException e) {
            Counter.builder("milestones.bounce.mailbox.failures")
                    .description("Readings of the bounce mailbox that failed")
                    .register(meters)
                    .increment();
            log.warn(
                    "Could not read the bounce mailbox {}://{}: {}",
                    properties.protocol(),
                    properties.host(),
                    e.toString());
        }
    }

    private void readOnce() throws MessagingException, IOException {
        Session session = Session.getInstance(sessionProperties());
        try (Store store = session.getStore(properties.protocol())) {
            store.connect(
                    properties.host(),
                    properties.port() == 0 ? -1 : properties.port(),
                    properties.username(),
                    properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int count = Math.min(unread.length, properties.batchSize());
                for (int i = 0; i < count; i++) {
                    boolean ours;
                    try {
                        ours = handle((MimeMessage) unread[i]);
                    } catch (MessagingException | IOException | RuntimeException unreadable) {
                        // one message that cannot be read must not stop the others: left, counted
                        count(Kind.UNKNOWN, false);
                        log.warn(
                                "A bounce mailbox message could not be read: {}",
                                unreadable.toString());
                        ours = false;
                    }
                    unread[i].setFlag(ours ? Flags.Flag.DELETED : Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(true); // expunge: only what was ours is gone
            }
        }
    }

    /** True when the message was a bounce or complaint about one of our deliveries. */
    private boolean handle(MimeMessage message) throws MessagingException, IOException {
        // Parsed from a local copy of the raw message, not part by part over IMAP: a server's
        // BODYSTRUCTURE of a nested message/rfc822 part may hand back its body without its
        // headers (GreenMail does), and the returned Message-ID is all a bounce without a VERP
        // token (Gmail's, sent to the From address) can be matched by.
        BounceReport report = reader.read(new MimeMessage(message));
        Optional<EmailDelivery> delivery = delivery(report);
        boolean ours =
                delivery.isPresent()
                        && (report.kind() == Kind.HARD
                                || report.kind() == Kind.SOFT
                                || report.kind() == Kind.COMPLAINT);
        count(report.kind(), ours);
        if (ours) {
            EmailDelivery d = delivery.get();
            bounces.record(
                    new Bounce(
                            d.recipient(),
                            BounceType.valueOf(report.kind().name()),
                            "bounce-mailbox",
                            d.milestoneId(),
                            d.milestoneId(),
                            report.detail()));
        }
        return ours;
    }

    private Optional<EmailDelivery> delivery(BounceReport report) {
        if (report.returnToken() != null) {
            return deliveries.byReturnToken(report.returnToken());
        }
        if (report.recipient() != null) {
            // no token: the returned Message-ID names the milestone, and we must have mailed it
            return MessageIds.milestoneOf(report.originalMessageId())
                    .map(milestone -> new EmailDelivery(milestone, report.recipient()))
                    .filter(d -> deliveries.exists(d.milestoneId(), d.recipient()));
        }
        return Optional.empty();
    }

    private void count(Kind kind, boolean ours) {
        Counter.builder("milestones.bounce.mailbox.messages")
                .description("Messages read from the bounce mailbox, by kind and whether ours")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .tag("outcome", ours ? "recorded" : "left")
                .register(meters)
                .increment();
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
