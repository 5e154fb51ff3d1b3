package io.milestones.notifier.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings of decisions 0406 and 0407 bind from configuration, with their defaults. */
class SocialBindingTest {

    private static Binder binder(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings));
    }

    @Test
    void shouldBindTheXRefreshSettingsAndDefaultTheTokenFile() {
        XProperties x =
                binder(
                                Map.of(
                                        "milestones.social.x.enabled", "true",
                                        "milestones.social.x.access-token", "a",
                                        "milestones.social.x.refresh-token", "r",
                                        "milestones.social.x.client-id", "c"))
                        .bindOrCreate("milestones.social.x", XProperties.class);

        assertThat(x)
                .isEqualTo(
                        new XProperties(
                                true,
                                URI.create("https://api.x.com"),
                                "a",
                                "r",
                                "c",
                                null,
                                Path.of("data/notifier/x-oauth2-token.json")));
    }

    @Test
    void shouldDefaultTheLimitWaitToFiveMinutesThenAtMostAnHour() {
        LimitWaitProperties wait =
                binder(Map.of())
                        .bindOrCreate("milestones.social.limit-wait", LimitWaitProperties.class);

        assertThat(wait.firstCheck()).isEqualTo(Duration.ofMinutes(5));
        assertThat(wait.maxCheck()).isEqualTo(Duration.ofHours(1));
        assertThat(wait.pause(1, Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(5));
        assertThat(wait.pause(2, Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(10));
        assertThat(wait.pause(5, Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(60));
        assertThat(wait.pause(30, Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(60));
        assertThat(wait.pause(5, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
    }
}
