package io.milestones.registration.access;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the notifier's part of a teacher's personal data is asked for.
 *
 * @param baseUrl notifier-service's base URL
 * @param apiKey {@code X-API-Key} the notifier expects ({@code
 *     milestones.personal-data.admin-api-key} there); never logged
 * @param timeout how long the notifier may take to answer
 */
@Validated
@ConfigurationProperties("milestones.notifier")
record NotifierProperties(
        @DefaultValue("http://localhost:8083") @NotNull URI baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("5s") Duration timeout) {}
