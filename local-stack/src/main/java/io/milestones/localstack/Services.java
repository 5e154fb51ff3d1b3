package io.milestones.localstack;

import io.milestones.chain.ChainServiceApplication;
import io.milestones.milestone.MilestoneServiceApplication;
import io.milestones.notifier.NotifierServiceApplication;
import io.milestones.ops.OpsConsoleApplication;
import io.milestones.registration.RegistrationServiceApplication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                run(MilestoneServiceApplication.builder(), common, milestoneSettings, Set.of());
        var notifier =
                run(
                        NotifierServiceApplication.builder(),
                        common,
                        notifierSettings,
                        Set.of(SharedClasspath.Uses.DATABASE));
        var registration =
                run(
                        RegistrationServiceApplication.builder(),
                        common,
                        registrationSettings,
                        Set.of(SharedClasspath.Uses.DATABASE, SharedClasspath.Uses.SECURITY));
        return new Services(registration, milestone, notifier);
    }

    /** Starts the ops console (topics, lag, dead letters, replay) beside the services. */
    public static ConfigurableApplicationContext startOpsConsole(
            Map<String, Object> common, Map<String, Object> own) {
        return run(
                OpsConsoleApplication.builder(),
                common,
                own,
                Set.of(SharedClasspath.Uses.DATABASE, SharedClasspath.Uses.SECURITY));
    }

    /**
     * Starts chain-service (follows the campaign's social chain on Mastodon and Bluesky, writes
     * {@code social-chain}) beside the services; {@code own} points it at the networks.
     */
    public static ConfigurableApplicationContext startChain(
            Map<String, Object> common, Map<String, Object> own) {
        return run(ChainServiceApplication.builder(), common, own, Set.of());
    }

    private static ConfigurableApplicationContext run(
            SpringApplicationBuilder builder,
            Map<String, Object> common,
            Map<String, Object> own,
            Set<SharedClasspath.Uses> uses) {
        Map<String, Object> settings = new HashMap<>(common);
        settings.put("spring.autoconfigure.exclude", SharedClasspath.excludedFor(uses));
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

    /** The HTTP port {@code context} listens on. */
    public static int port(ConfigurableApplicationContext context) {
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
