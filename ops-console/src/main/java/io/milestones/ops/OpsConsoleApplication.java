package io.milestones.ops;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ops console: topics, offsets, consumer lag, dead letters (masked) and their replay, with an
 * audit log. Admin only.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpsConsoleApplication {

    /** Settings live in {@code ops-console.yml} so the services can share a classpath. */
    public static final String CONFIG_NAME = "ops-console";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as the local stack and the tests start it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(OpsConsoleApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
