package io.milestones.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.milestones.notifier.social.SocialDeliveries;
import io.milestones.notifier.social.SocialDelivery;
import io.milestones.notifier.social.SocialDeliveryStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The deliveries table's side of a post waiting for a publishing window (decision 0406): a restart
 * finds the waiting rows, and of two processes resuming one row only one wins the claim.
 */
class TableSocialDeliveriesTest {

    private static final Instant AT = Instant.parse("2021-12-03T10:15:35Z");
    private static final String MARKER = "waiting for the publishing window: ";

    private final SocialDeliveries deliveries = deliveries();

    private static SocialDeliveries deliveries() {
        var dataSource =
                new DriverManagerDataSource(
                        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/notifier")
                .load()
                .migrate();
        return new TableSocialDeliveries(
                new JdbcTemplate(dataSource),
                new DeliveryMetrics(new SimpleMeterRegistry()),
                List.of());
    }

    private static SocialDelivery instagram(
            String milestone, SocialDeliveryStatus status, int attempts, String error) {
        return new SocialDelivery(
                milestone,
                "instagram",
                "17841405822304914",
                status,
                attempts,
                null,
                null,
                error,
                AT);
    }

    @Test
    void shouldFindOnlyThePendingRowsThatWaitForTheWindow() {
        deliveries.record(
                instagram("global:1000000", SocialDeliveryStatus.PENDING, 1, MARKER + "50 of 50"));
        deliveries.record(
                instagram("country:IT:50000", SocialDeliveryStatus.PENDING, 4, "503 after 4"));
        deliveries.record(instagram("global:900000", SocialDeliveryStatus.POSTED, 2, null));

        assertThat(deliveries.pending("instagram", MARKER)).containsExactly("global:1000000");
        assertThat(deliveries.pending("facebook", MARKER)).isEmpty();
    }

    @Test
    void shouldLetOnlyOneOfTwoResumingProcessesClaimTheRow() {
        deliveries.record(
                instagram("global:1000000", SocialDeliveryStatus.PENDING, 1, MARKER + "50 of 50"));

        SocialDelivery claimed =
                instagram("global:1000000", SocialDeliveryStatus.PENDING, 2, MARKER + "checking");
        assertThat(deliveries.claim(claimed, 1)).isTrue();
        assertThat(deliveries.claim(claimed, 1)).isFalse();

        assertThat(deliveries.find("global:1000000", "instagram"))
                .hasValueSatisfying(
                        d -> {
                            assertThat(d.attempts()).isEqualTo(2);
                            assertThat(d.lastError()).isEqualTo(MARKER + "checking");
                        });
        deliveries.record(instagram("global:1000000", SocialDeliveryStatus.POSTED, 2, null));
        assertThat(deliveries.claim(claimed, 2)).isFalse(); // posted meanwhile
    }
}
