package io.milestones.notifier;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Celebrates milestones: e-mails and social posts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotifierServiceApplication {

    /** Settings live in {@code notifier-service.yml} so three services can share a classpath. */
    public static final String CONFIG_NAME = "notifier-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as the local stack and the tests start it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(NotifierServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
