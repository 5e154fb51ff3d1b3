package io.milestones.bench.b3;

import io.milestones.registration.RegistrationServiceApplication;
import io.milestones.support.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real registration-service in this JVM (its own settings file, as the local stack does)
 * on a random port, against a given broker and database, with one API key allowed everything
 * ({@link #KEY}, sent in {@link #HEADER}).
 */
public final class RegistrationApp {

    /** The header carrying the API key. */
    public static final String HEADER = "X-API-Key";

    /** The benchmark's API key (PLATFORM and ADMIN); the service only knows its SHA-256. */
    public static final String KEY = "bench-key-not-a-secret";

    private RegistrationApp() {}

    /**
     * @param bootstrapServers the broker
     * @param database the registry
     * @param own further settings (they win over the service's settings file)
     * @param extraSources bench-only beans added to the application, e.g. a controller
     */
    public static ConfigurableApplicationContext start(
            String bootstrapServers,
            Database database,
            Map<String, Object> own,
            Class<?>... extraSources) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.port", 0);
        settings.put("spring.kafka.bootstrap-servers", bootstrapServers);
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.user());
        settings.put("spring.datasource.password", "");
        settings.put("milestones.security.api-keys[0].client", "bench");
        settings.put("milestones.security.api-keys[0].sha256", sha256(KEY));
        settings.put("milestones.security.api-keys[0].roles", "PLATFORM,ADMIN");
        settings.putAll(own);
        String[] args =
                settings.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
        SpringApplicationBuilder builder = RegistrationServiceApplication.builder();
        if (extraSources.length > 0) {
            builder.sources(extraSources);
        }
        return builder.registerShutdownHook(false).run(args);
    }

    /** The HTTP port the application listens on. */
    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    static String sha256(String key) {
        return Sha256.hex(key);
    }
}
