package io.milestones.bench.b6;

import io.milestones.notifier.NotifierServiceApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * notifier-service alone in this JVM, started the way the local stack starts it (settings as
 * command-line arguments, so a {@code -Dname=value} given to the JVM still wins), with its
 * subscribers in an H2 file of its own.
 */
public final class Notifier {

    /**
     * The security auto-configuration the other services' starters would bring in (the local
     * stack's {@code SharedClasspath} switches it off the same way; the notifier has no login).
     */
    private static final String NO_SECURITY =
            String.join(
                    ",",
                    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration");

    private Notifier() {}

    public static ConfigurableApplicationContext start(
            String bootstrapServers, int smtpPort, Path data, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", 0);
        settings.put("spring.kafka.bootstrap-servers", bootstrapServers);
        settings.put("spring.mail.host", "localhost");
        settings.put("spring.mail.port", smtpPort);
        settings.put("spring.autoconfigure.exclude", NO_SECURITY);
        settings.put(
                "spring.datasource.url",
                "jdbc:h2:file:" + data.resolve("notifier") + ";WRITE_DELAY=0");
        settings.put(
                "milestones.subscriptions.token-secret",
                "bench-only-token-secret-0123456789abcdef");
        settings.put("logging.include-application-name", false);
        settings.putAll(extra);
        String[] args =
                settings.entrySet().stream()
                        .filter(e -> System.getProperty(e.getKey()) == null)
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
        return NotifierServiceApplication.builder().registerShutdownHook(false).run(args);
    }

    /** Whether every listener container of the notifier has its partitions. */
    public static boolean assigned(ConfigurableApplicationContext notifier) {
        return notifier
                .getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainers()
                .stream()
                .allMatch(
                        c ->
                                c.isRunning()
                                        && c.getAssignedPartitions() != null
                                        && !c.getAssignedPartitions().isEmpty());
    }
}
