package io.milestones.notifier.social;

import java.time.Duration;

/** Waits between retries; tests count the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
