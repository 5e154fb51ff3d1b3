package io.milestones.localstack;

import io.milestones.milestone.MilestoneServiceApplication;
import io.milestones.notifier.NotifierServiceApplication;
import io.milestones.registration.RegistrationServiceApplication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the three services in this JVM against a given broker and SMTP server. Each keeps its own
 * settings file; the settings given here override it, and JVM system properties override both.
 */
public final class Services implements AutoCloseable {

    private final ConfigurableApplicationContext registration;
    private final ConfigurableApplicationContext milestone;
    private final ConfigurableApplicationContext notifier;

    private Services(
            ConfigurableApplicationContext registration,
            ConfigurableApplicationContext milestone,
            ConfigurableApplicationContext notifier) {
        this.registration = registration;
        this.milestone = milestone;
        this.notifier = notifier;
    }

    /**
     * @param common settings every service gets (broker, mail server)
     * @param registrationSettings settings of registration-service only
     * @param milestoneSettings settings of milestone-service only
     * @param notifierSettings settings of notifier-service only
     */
    public static Services start(
            Map<String, Object> common,
            Map<String, Object> registrationSettings,
            Map<String, Object> milestoneSettings,
            Map<String, Object> notifierSettings) {
        // Consumers first, so nothing the producer writes waits for them.
        var milestone =
                run(MilestoneServiceApplication.builder(), common, unsecured(milestoneSettings));
        var notifier =
                run(NotifierServiceApplication.builder(), common, unsecured(notifierSettings));
        var registration =
                run(RegistrationServiceApplication.builder(), common, registrationSettings);
        return new Services(registration, milestone, notifier);
    }

    /**
     * Spring Security is on the shared classpath because registration-service uses it; alone, the
     * other services do not have it, so here they must not get Boot's default (a generated password
     * on every endpoint) either.
     */
    static final String NO_SECURITY =
            String.join(
                    ",",
                    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration");

    private static Map<String, Object> unsecured(Map<String, Object> settings) {
        Map<String, Object> withExclusions = new HashMap<>(settings);
        withExclusions.putIfAbsent("spring.autoconfigure.exclude", NO_SECURITY);
        return withExclusions;
    }

    private static ConfigurableApplicationContext run(
            SpringApplicationBuilder builder, Map<String, Object> common, Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(common);
        settings.putAll(own);
        // Passed as command-line arguments so they win over each service's own settings file;
        // a -Dname=value given to the JVM still wins over them.
        String[] args =
                settings.entrySet().stream()
                        .filter(e -> System.getProperty(e.getKey()) == null)
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
        return builder.registerShutdownHook(false).run(args);
    }

    public int registrationPort() {
        return port(registration);
    }

    public int milestonePort() {
        return port(milestone);
    }

    public int notifierPort() {
        return port(notifier);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Stops the services, producer first. */
    @Override
    public void close() {
        for (var context : List.of(registration, notifier, milestone)) {
            context.close();
        }
    }
}
