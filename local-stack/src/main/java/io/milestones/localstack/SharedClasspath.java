package io.milestones.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * In one JVM every service sees every other service's starters. A service that has no database
 * would otherwise get an embedded one (and run another service's Flyway migrations), and one
 * without security would get Boot's default login. Each service here names what it uses; the
 * auto-configuration of the rest is switched off for it. Deployed alone, a service's own classpath
 * already decides this.
 */
final class SharedClasspath {

    /** Infrastructure a service really uses. */
    enum Uses {
        DATABASE,
        SECURITY
    }

    private static final List<String> DATABASE =
            List.of(
                    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
                    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                    "org.springframework.boot.flyway.autoconfigure.FlywayEndpointAutoConfiguration");

    private static final List<String> SECURITY =
            List.of(
                    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration");

    private SharedClasspath() {}

    /** The value of {@code spring.autoconfigure.exclude} for a service that uses {@code uses}. */
    static String excludedFor(Set<Uses> uses) {
        List<String> excluded = new ArrayList<>();
        if (!uses.contains(Uses.DATABASE)) {
            excluded.addAll(DATABASE);
        }
        if (!uses.contains(Uses.SECURITY)) {
            excluded.addAll(SECURITY);
        }
        return String.join(",", excluded);
    }
}
