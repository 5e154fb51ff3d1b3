package io.milestones.notifier.milestone;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/** {@code milestones.campaign} as notifier-service.yml configures it, for tests without Spring. */
public final class ConfiguredCampaign {

    private ConfiguredCampaign() {}

    public static CampaignProperties load() {
        var sources = new MutablePropertySources();
        try {
            new YamlPropertySourceLoader()
                    .load("notifier-service", new ClassPathResource("notifier-service.yml"))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("milestones.campaign", CampaignProperties.class)
                .get();
    }
}
