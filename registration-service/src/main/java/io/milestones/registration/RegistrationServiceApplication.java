package io.milestones.registration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The platform's entry point: accepts registrations and publishes them to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistrationServiceApplication {

    /**
     * Settings live in {@code registration-service.yml}, not {@code application.yml}, so that all
     * three services can share one classpath in the local stack and the end-to-end test.
     */
    public static final String CONFIG_NAME = "registration-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as the local stack and the tests start it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RegistrationServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
