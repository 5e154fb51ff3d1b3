package io.milestones.bench.b5;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GreenMail's SMTP server in this JVM, with a hook on its delivery step: each e-mail that GreenMail
 * stores is counted and its arrival time ({@link System#nanoTime()}) recorded by Message-ID.
 * GreenMail still stores every message, all recipients' in one mailbox; for large runs the mailbox
 * can be purged periodically so that the heap holds only the last few seconds of mail.
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail mail;
    private final boolean recordIds;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();
    private final AtomicLong firstArrival = new AtomicLong();
    private final AtomicLong watchedCount = new AtomicLong(-1);
    private final AtomicLong watchedArrival = new AtomicLong();
    private final AtomicReference<byte[]> sample = new AtomicReference<>();
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private ScheduledExecutorService purger;

    private MailSink(GreenMail mail, boolean recordIds) {
        this.mail = mail;
        this.recordIds = recordIds;
    }

    /**
     * Starts GreenMail SMTP on a free port of localhost, without authentication.
     *
     * @param recordIds whether to keep each Message-ID's arrival time (small runs only)
     */
    public static MailSink start(boolean recordIds) {
        GreenMail mail =
                new GreenMail(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_SMTP))
                        .withConfiguration(
                                GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        MailSink sink = new MailSink(mail, recordIds);
        // One mailbox for every recipient: GreenMail would otherwise create a user per address,
        // and find each one's inbox by a scan over all of them (slower with every new recipient).
        GreenMailUser inbox = mail.setUser("sink@localhost", "sink", "sink");
        UserManager users = mail.getManagers().getUserManager();
        users.setMessageDeliveryHandler(
                (message, address) -> {
                    sink.arrived(message.getMessage());
                    return inbox;
                });
        return sink;
    }

    private void arrived(MimeMessage message) throws MessagingException {
        long now = System.nanoTime();
        if (sample.get() == null) {
            sample.compareAndSet(null, bytes(message));
        }
        if (recordIds) {
            arrivals.putIfAbsent(message.getMessageID(), now);
        }
        firstArrival.compareAndSet(0, now);
        lastArrival.set(now);
        if (delivered.incrementAndGet() == watchedCount.get()) {
            watchedArrival.set(now);
        }
    }

    /** Records when the {@code count}th e-mail since the start arrives ({@link #watchedNanos}). */
    public void watch(long count) {
        watchedArrival.set(0);
        watchedCount.set(count);
    }

    /** {@link System#nanoTime()} of the e-mail {@link #watch} named, 0 before it arrived. */
    public long watchedNanos() {
        return watchedArrival.get();
    }

    /** Empties every mailbox each {@code period}, so a long run keeps bounded heap. */
    public void purgeEvery(Duration period) {
        purger = Executors.newSingleThreadScheduledExecutor();
        purger.scheduleWithFixedDelay(
                this::purge, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purge() {
        try {
            mail.purgeEmailFromAllMailboxes();
        } catch (FolderException | RuntimeException e) {
            // the next round tries again
        }
    }

    public int port() {
        return mail.getSmtp().getPort();
    }

    /** E-mails delivered so far. */
    public long delivered() {
        return delivered.get();
    }

    /** {@link System#nanoTime()} of the latest delivery. */
    public long lastArrivalNanos() {
        return lastArrival.get();
    }

    /** {@link System#nanoTime()} of the first delivery since the last {@link #mark()}. */
    public long firstArrivalNanos() {
        return firstArrival.get();
    }

    /** Starts a new run: the next e-mail is the first one, and becomes the sample. */
    public void mark() {
        firstArrival.set(0);
        sample.set(null);
    }

    /** When the e-mail of this Message-ID (with angle brackets) arrived, or null. */
    public Long arrival(String messageId) {
        return arrivals.get(messageId);
    }

    /** The raw bytes of the first e-mail received, as GreenMail stored it. */
    public byte[] sample() {
        return sample.get();
    }

    private static byte[] bytes(MimeMessage message) throws MessagingException {
        try {
            var out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("could not copy an e-mail", e);
        }
    }

    @Override
    public void close() {
        if (purger != null) {
            purger.shutdownNow();
        }
        mail.stop();
    }
}
