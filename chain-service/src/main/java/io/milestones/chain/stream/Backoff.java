package io.milestones.chain.stream;

import java.time.Duration;

/** Exponential back-off between reconnections: initial, doubled up to a maximum, then reset. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The wait before the next attempt; each call doubles the one after it. */
    public Duration next() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    /** A connection went well: start again from the initial wait. */
    public void reset() {
        next = initial;
    }
}
