package io.milestones.milestone.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milestones.milestone.counting.HistoryBucket.Granularity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class HistoryQueryTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2021-12-03T10:20:00Z"), ZoneOffset.UTC);
    static final Duration WEEK = Duration.ofDays(7);

    @Test
    void shouldDefaultToTheLastYearOfDaysOfTheGlobalCount() {
        assertThat(HistoryQuery.parse(null, null, null, null, CLOCK, WEEK))
                .isEqualTo(
                        new HistoryQuery(
                                "global",
                                Granularity.DAY,
                                Instant.parse("2020-12-03T00:00:00Z"),
                                Instant.parse("2021-12-03T00:00:00Z")));
    }

    @Test
    void shouldReadDaysAndInstantsAndNormalizeTheCountry() {
        assertThat(
                        HistoryQuery.parse(
                                "country:it",
                                "hour",
                                "2021-12-02T22:30:00Z",
                                "2021-12-03",
                                CLOCK,
                                WEEK))
                .isEqualTo(
                        new HistoryQuery(
                                "country:IT",
                                Granularity.HOUR,
                                Instant.parse("2021-12-02T22:00:00Z"),
                                Instant.parse("2021-12-03T00:00:00Z")));
    }

    @Test
    void shouldNameTheFieldOfEveryBadParameter() {
        assertInvalid("planet:mars", "day", null, null, "scope");
        assertInvalid(null, "week", null, null, "granularity");
        assertInvalid(null, null, "yesterday", null, "from");
        assertInvalid(null, null, null, "2021-13-01", "to");
        assertInvalid(null, null, "2021-12-03", "2021-12-01", "from");
        assertInvalid(null, null, "1900-01-01", "2021-12-01", "to"); // too many points
        assertInvalid(null, "hour", "2021-11-20", null, "from"); // hours kept for a week
    }

    private static void assertInvalid(
            String scope, String granularity, String from, String to, String field) {
        assertThatThrownBy(() -> HistoryQuery.parse(scope, granularity, from, to, CLOCK, WEEK))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> {
                            assertThat(e.getStatusCode().value()).isEqualTo(400);
                            assertThat(e.getBody().getProperties())
                                    .extractingByKey("errors")
                                    .asInstanceOf(
                                            org.assertj.core.api.InstanceOfAssertFactories.LIST)
                                    .extracting(m -> ((Map<?, ?>) m).get("field"))
                                    .isEqualTo(List.of(field));
                        });
    }
}
