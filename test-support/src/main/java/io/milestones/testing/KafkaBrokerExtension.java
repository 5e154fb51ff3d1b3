package io.milestones.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the chosen broker before a test class and stops it after. Register it as a static field
 * ({@code @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();}) and
 * feed {@link #bootstrapServers()} to the application, e.g. from a {@code @DynamicPropertySource}.
 *
 * <p>When Testcontainers is chosen and no Docker engine answers, the class is skipped, not failed.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private KafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (KafkaBrokers.chosen() == KafkaBrokers.Kind.TESTCONTAINERS) {
            Assumptions.assumeTrue(
                    KafkaBrokers.dockerAvailable(),
                    "Testcontainers broker chosen but no Docker engine is available");
        }
        broker = KafkaBrokers.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
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
