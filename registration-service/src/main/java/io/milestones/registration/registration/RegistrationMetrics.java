package io.milestones.registration.registration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code milestones.registrations{outcome}}: accepted (a new teacher), repeated (the original
 * answer again), rejected (with the problem as {@code reason}: email-taken, invalid, ...). No
 * personal data in tags.
 */
@Component
public class RegistrationMetrics {

    static final String NAME = "milestones.registrations";

    private final MeterRegistry meters;
    private final Counter accepted;
    private final Counter repeated;

    RegistrationMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.accepted = outcome("accepted", "none");
        this.repeated = outcome("repeated", "none");
    }

    void accepted() {
        accepted.increment();
    }

    void repeated() {
        repeated.increment();
    }

    /** A registration refused; {@code reason} is a fixed slug such as {@code email-taken}. */
    public void rejected(String reason) {
        outcome("rejected", reason).increment();
    }

    private Counter outcome(String outcome, String reason) {
        return Counter.builder(NAME)
                .description("Registrations by outcome")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(meters);
    }
}
