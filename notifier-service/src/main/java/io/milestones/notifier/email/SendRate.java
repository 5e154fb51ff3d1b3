package io.milestones.notifier.email;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A token bucket shared by the sender threads: at most {@code perSecond} e-mails per second, with
 * bursts of up to one second's worth. Providers throttle or block senders that go faster than
 * agreed.
 */
final class SendRate {

    private final double perSecond;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    SendRate(double perSecond) {
        this(perSecond, System::nanoTime, LockSupport::parkNanos);
    }

    SendRate(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.tokens = Math.max(1, perSecond);
        this.last = nanoTime.getAsLong();
    }

    /** Waits until one more e-mail may go. */
    void acquire() {
        if (perSecond <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            tokens = Math.min(Math.max(1, perSecond), tokens + (now - last) * perSecond / 1e9);
            last = now;
            tokens -= 1;
            wait = tokens >= 0 ? 0 : (long) (-tokens / perSecond * TimeUnit.SECONDS.toNanos(1));
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }

    /** How to wait; tests pass a fake. */
    interface Sleeper {
        void sleepNanos(long nanos);
    }
}
