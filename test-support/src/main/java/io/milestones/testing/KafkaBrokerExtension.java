package io.milestones.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the chosen broker before a test class and stops it after. Register it as a static field
 * ({@code @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();}) and
 * feed {@link #bootstrapServers()} to the application, e.g. from a {@code @DynamicPropertySource}.
 *
 * <p>The broker stops when the class's extension context closes, after every {@code @AfterAll}
 * callback: a Spring context closed after the class ({@code @DirtiesContext}) or in an {@code
 * AfterAll} method still finds its broker and shuts down at once instead of waiting for client
 * time-outs against a port nobody answers.
 *
 * <p>When Testcontainers is chosen and no Docker engine answers, the class is skipped, not failed.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    private volatile KafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (broker != null) {
            // a @Nested class of the class that started the broker: it shares that broker
            return;
        }
        if (KafkaBrokers.chosen() == KafkaBrokers.Kind.TESTCONTAINERS) {
            Assumptions.assumeTrue(
                    KafkaBrokers.dockerAvailable(),
                    "Testcontainers broker chosen but no Docker engine is available");
        }
        KafkaBroker started = KafkaBrokers.start();
        broker = started;
        // closed by JUnit when the class's context closes, after all AfterAll callbacks
        context.getStore(NAMESPACE).put(this, (AutoCloseable) this::stop);
    }

    private void stop() {
        KafkaBroker running = broker;
        broker = null;
        if (running != null) {
            running.close();
        }
    }

    public String bootstrapServers() {
        if (broker == null) {
            throw new IllegalStateException("the broker runs only while the test class runs");
        }
        return broker.bootstrapServers();
    }

    public KafkaBroker broker() {
        return broker;
    }
}
