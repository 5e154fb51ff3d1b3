package io.milestones.notifier.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The right-of-access API registration-service calls.
 *
 * @param adminApiKey {@code X-API-Key} of {@code /api/admin/teachers/{teacherId}/personal-data};
 *     empty: it answers 403 to everyone
 */
@ConfigurationProperties("milestones.personal-data")
record PersonalDataProperties(@DefaultValue("") String adminApiKey) {}
