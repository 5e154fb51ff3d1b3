package io.milestones.notifier;

import java.time.Duration;

/** Waits (between retries, for a record to arrive); tests count the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
