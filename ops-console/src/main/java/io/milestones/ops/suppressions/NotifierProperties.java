package io.milestones.ops.suppressions;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the notifier's admin API is, for the suppressions page.
 *
 * @param baseUrl the notifier's URL
 * @param adminApiKey its {@code milestones.suppression.admin-api-key}; empty: the page says the
 *     list cannot be read
 */
@Validated
@ConfigurationProperties("milestones.ops.notifier")
record NotifierProperties(
        @DefaultValue("http://localhost:8083") @NotNull URI baseUrl,
        @DefaultValue("") String adminApiKey) {}
