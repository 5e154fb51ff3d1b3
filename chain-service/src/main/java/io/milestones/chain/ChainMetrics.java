package io.milestones.chain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.milestones.events.ChainNetwork;
import org.springframework.stereotype.Component;

/**
 * The service's counters: {@code chain.input.skipped{network,reason}} for bad input, {@code
 * chain.posts{network,kind}} for events written, {@code chain.stream.reconnects{network}}.
 */
@Component
public class ChainMetrics {

    private final MeterRegistry registry;

    public ChainMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void skipped(ChainNetwork network, String reason) {
        Counter.builder("chain.input.skipped")
                .description("Network events skipped as bad input")
                .tag("network", network.id())
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void written(ChainNetwork network, String kind) {
        Counter.builder("chain.posts")
                .description("Chain events written to social-chain")
                .tag("network", network.id())
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    public void reconnected(ChainNetwork network) {
        Counter.builder("chain.stream.reconnects")
                .description("Stream connections lost and opened again")
                .tag("network", network.id())
                .register(registry)
                .increment();
    }

    /** What a skipped event's reason was, for {@link #skipped}. */
    public static final class BadInput extends RuntimeException {
        private final String reason;

        public BadInput(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
