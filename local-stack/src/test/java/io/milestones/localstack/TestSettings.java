package io.milestones.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Service settings for tests that run the whole system: databases in memory, dev keys. */
final class TestSettings {

    private TestSettings() {}

    /** The dev API keys, and a registry in memory so that every run starts empty. */
    static Map<String, Object> registration() {
        Map<String, Object> settings = new HashMap<>(LocalStack.devKeys());
        settings.put("spring.datasource.url", memory("registration"));
        return settings;
    }

    /** Counting state in a fresh directory, and the given thresholds. */
    static Map<String, Object> milestone(String globalThresholds, String countryThresholds)
            throws IOException {
        return Map.of(
                "milestones.metrics.refresh",
                "2s",
                "spring.kafka.streams.state-dir",
                Files.createTempDirectory("streams-state").toString(),
                "milestones.rules.global.thresholds",
                globalThresholds,
                "milestones.rules.country.thresholds",
                countryThresholds);
    }

    /** Subscribers in memory, a test-only token secret, no send-rate limit, and {@code extra}. */
    static Map<String, Object> notifier(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.datasource.url", memory("notifier"));
        settings.put(
                "milestones.subscriptions.token-secret", "test-only-token-secret-0123456789abcdef");
        settings.put("milestones.mail.rate-per-second", 0);
        settings.putAll(extra);
        return settings;
    }

    private static String memory(String name) {
        return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
