package io.milestones.notifier.email;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pacing per recipient domain (decision 0307): each domain has its own concurrency (e-mails in
 * flight, so connections) and rate, and a domain that answers "try later" is paused and slowed
 * alone. A sender thread never waits longer than {@code max-wait} for a domain: past that the
 * e-mail is deferred to the retry topics, so the partition keeps flowing for every other domain.
 */
@Component
class DomainPacing {

    private static final Logger log = LoggerFactory.getLogger(DomainPacing.class);
    private static final double SLOWEST = 1.0 / 60;
    private static final Lease UNPACED = new Lease(null);

    private final PacingProperties properties;
    private final Clock clock;
    private final Map<String, Domain> domains = new ConcurrentHashMap<>();

    DomainPacing(PacingProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A slot for one e-mail to {@code address}'s domain; report the outcome on the lease and close
     * it after the send.
     *
     * @throws DomainDeferredException when the domain is paused or stays at its limit too long
     */
    Lease acquire(String address) {
        if (!properties.enabled()) {
            return UNPACED;
        }
        Domain domain = domain(address.substring(address.lastIndexOf('@') + 1));
        Instant until = domain.pausedUntil();
        if (until.isAfter(clock.instant())) {
            throw new DomainDeferredException(
                    domain.name + " asked to try later; paused until " + until);
        }
        if (domain.slots != null && !tryAcquire(domain.slots)) {
            throw new DomainDeferredException(domain.name + ": all its connections busy");
        }
        RateLimiter rate = domain.rate;
        if (rate != null && !rate.acquirePermission()) {
            if (domain.slots != null) {
                domain.slots.release();
            }
            throw new DomainDeferredException(domain.name + ": at its rate");
        }
        return new Lease(domain);
    }

    private boolean tryAcquire(Semaphore slots) {
        try {
            return slots.tryAcquire(properties.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Domain domain(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Domain known = domains.get(key);
        if (known != null) {
            return known;
        }
        if (domains.size() >= properties.maxDomains()) {
            Instant now = clock.instant();
            domains.values().removeIf(domain -> domain.idle(now));
        }
        return domains.computeIfAbsent(key, Domain::new);
    }

    /** One e-mail's slot: say how the send went, then close. */
    static final class Lease implements AutoCloseable {
        private final Domain domain;

        private Lease(Domain domain) {
            this.domain = domain;
        }

        void sent() {
            if (domain != null) {
                domain.sent();
            }
        }

        void failed(Exception failure) {
            if (domain != null && SmtpFailures.domainThrottle(failure)) {
                domain.throttled();
            }
        }

        @Override
        public void close() {
            if (domain != null && domain.slots != null) {
                domain.slots.release();
            }
        }
    }

    private final class Domain {
        final String name;
        final int concurrency;
        final double configuredRate;
        final Semaphore slots;
        volatile RateLimiter rate;
        private double currentRate;
        private int throttles;
        private int sentSinceThrottle;
        private Instant pausedUntil = Instant.MIN;

        Domain(String name) {
            PacingProperties.Limit limit = properties.limitOf(name);
            this.name = name;
            this.concurrency = limit.concurrency();
            this.configuredRate = limit.ratePerSecond();
            this.slots = concurrency > 0 ? new Semaphore(concurrency, true) : null;
            this.currentRate = configuredRate;
            this.rate = limiter(configuredRate);
        }

        synchronized Instant pausedUntil() {
            return pausedUntil;
        }

        synchronized void throttled() {
            PacingProperties.Backoff backoff = properties.backoff();
            throttles++;
            Duration pause = backoff.initial().multipliedBy(1L << Math.min(throttles - 1, 20));
            if (pause.compareTo(backoff.max()) > 0) {
                pause = backoff.max();
            }
            pausedUntil = clock.instant().plus(pause);
            currentRate =
                    currentRate > 0
                            ? Math.max(currentRate / 2, Math.min(SLOWEST, currentRate))
                            : backoff.resumeRatePerSecond();
            rate = limiter(currentRate);
            sentSinceThrottle = 0;
            log.info(
                    "Recipient domain {} asked to try later: paused for {}, then {} e-mails/s",
                    name,
                    pause,
                    String.format(Locale.ROOT, "%.3f", currentRate));
        }

        synchronized void sent() {
            throttles = 0;
            if (currentRate != configuredRate
                    && ++sentSinceThrottle >= properties.backoff().recoverAfter()) {
                currentRate = configuredRate;
                rate = limiter(configuredRate);
                log.info("Recipient domain {} back at its configured pace", name);
            }
        }

        synchronized boolean idle(Instant now) {
            return !pausedUntil.isAfter(now)
                    && currentRate == configuredRate
                    && (slots == null || slots.availablePermits() == concurrency);
        }

        private RateLimiter limiter(double perSecond) {
            if (perSecond <= 0) {
                return null;
            }
            // limitForPeriod permits every period: a whole number of e-mails per period
            int permits = (int) Math.max(1, Math.ceil(perSecond));
            var config =
                    RateLimiterConfig.custom()
                            .limitForPeriod(permits)
                            .limitRefreshPeriod(
                                    Duration.ofNanos((long) (permits * 1e9 / perSecond)))
                            .timeoutDuration(properties.maxWait())
                            .build();
            return RateLimiter.of("mail-" + name, config);
        }
    }
}
