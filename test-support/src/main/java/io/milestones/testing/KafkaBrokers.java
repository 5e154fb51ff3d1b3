package io.milestones.testing;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/** The one place tests get a broker from. */
public final class KafkaBrokers {

    /** System property (or upper-case environment variable) that picks the broker kind. */
    public static final String PROPERTY = "milestones.test.broker";

    private KafkaBrokers() {}

    /**
     * The kind chosen by {@value #PROPERTY}: {@code embedded} (default) or {@code testcontainers}.
     */
    public static Kind chosen() {
        String value = System.getProperty(PROPERTY, System.getenv("MILESTONES_TEST_BROKER"));
        if (value == null || value.isBlank()) {
            return Kind.EMBEDDED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> Kind.EMBEDDED;
            case "testcontainers" -> Kind.TESTCONTAINERS;
            default ->
                    throw new IllegalArgumentException(
                            PROPERTY
                                    + " must be 'embedded' or 'testcontainers', got '"
                                    + value
                                    + "'");
        };
    }

    /** Whether a Docker engine answers, so that the Testcontainers path can run. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Starts the chosen broker. Callers check {@link #dockerAvailable()} for the container kind.
     */
    public static KafkaBroker start() {
        return chosen() == Kind.TESTCONTAINERS
                ? ContainerBroker.start()
                : EmbeddedKraftBroker.start();
    }

    public enum Kind {
        EMBEDDED,
        TESTCONTAINERS
    }
}
