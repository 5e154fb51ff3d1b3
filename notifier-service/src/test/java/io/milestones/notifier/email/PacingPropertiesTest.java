package io.milestones.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The shipped settings bind as documented: domain names keep their dots. */
class PacingPropertiesTest {

    @Test
    void shouldBindTheShippedDomainLimits() throws Exception {
        var sources =
                new YamlPropertySourceLoader()
                        .load("shipped", new ClassPathResource("notifier-service.yml"));
        var binder = new Binder(ConfigurationPropertySources.from(sources));

        PacingProperties pacing =
                binder.bind("milestones.mail.pacing", PacingProperties.class).get();

        assertThat(pacing.enabled()).isTrue();
        assertThat(pacing.limitOf("gmail.com")).isEqualTo(new PacingProperties.Limit(5, 20));
        assertThat(pacing.limitOf("outlook.com")).isEqualTo(new PacingProperties.Limit(3, 10));
        assertThat(pacing.limitOf("school.example")).isEqualTo(new PacingProperties.Limit(0, 0));
        assertThat(pacing.maxWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(pacing.backoff().initial()).isEqualTo(Duration.ofSeconds(30));
        assertThat(pacing.backoff().max()).isEqualTo(Duration.ofMinutes(2));
        assertThat(binder.bind("milestones.mail.dkim", DkimProperties.class).get().enabled())
                .isFalse();
    }
}
