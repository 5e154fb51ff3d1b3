package io.milestones.milestone;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Counts distinct registrations per scope and announces milestones exactly once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MilestoneServiceApplication {

    /** Settings live in {@code milestone-service.yml} so three services can share a classpath. */
    public static final String CONFIG_NAME = "milestone-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as the local stack and the tests start it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MilestoneServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
