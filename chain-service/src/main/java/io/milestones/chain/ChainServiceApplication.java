package io.milestones.chain;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Follows the campaign's social chain: public posts with the campaign hashtags on Mastodon (hashtag
 * streaming) and Bluesky (Jetstream) become {@code ChainPostObserved} / {@code ChainPostDeleted}
 * events on {@code social-chain}, exactly once per post (docs/decisions/0700).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChainServiceApplication {

    /** Settings live in {@code chain-service.yml} so the services can share a classpath. */
    public static final String CONFIG_NAME = "chain-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as the local stack and the tests start it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ChainServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
