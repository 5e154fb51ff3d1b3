package io.milestones.notifier.subscription;

import static io.milestones.notifier.testing.NotifierTestKit.teacher;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriberBatchTest {

    static final Instant NOW = Instant.parse("2021-12-03T10:00:00Z");

    static SubscriberBatch.Registered registered(String id, String country) {
        return new SubscriberBatch.Registered(teacher(id, country, "it", true), NOW);
    }

    @Test
    void shouldWriteOneRowForARegistrationAndItsRedeliveries() {
        var result =
                new SubscriberBatch(List.of(), NOW)
                        .apply(List.of(registered("a", "IT"), registered("a", "IT")));

        assertThat(result.upserts()).hasSize(1);
        var row = result.upserts().get(0);
        assertThat(row.subscription().scopes()).containsExactlyInAnyOrder("global", "country:IT");
        assertThat(result.newScopes().get(row.subscription().id()))
                .containsExactlyInAnyOrder("global", "country:IT");
        assertThat(result.joined()).hasSize(1);
        assertThat(result.deletes()).isEmpty();
    }

    @Test
    void shouldLetAnErasureAfterARegistrationInTheSameBatchWin() {
        var result =
                new SubscriberBatch(List.of(), NOW)
                        .apply(
                                List.of(
                                        registered("a", "IT"),
                                        new SubscriberBatch.Erased("a", null)));

        assertThat(result.upserts()).isEmpty();
        assertThat(result.joined()).isEmpty();
        assertThat(result.erasures())
                .containsExactly(new SubscriberErased("a", "a@school.example"));
        assertThat(result.names()).containsExactly(new SubscriberBatch.Name("a", null, false));
    }

    @Test
    void shouldDeleteAStoredSubscriptionAndCreateANewOneForARegistrationAfterErasure() {
        UUID stored = UUID.randomUUID();
        var row =
                new SubscriberBatch.Row(
                        new Subscription(
                                stored,
                                "a@school.example",
                                "it",
                                SubscriptionStatus.CONFIRMED,
                                "a",
                                Set.of("global", "country:IT")),
                        NOW.minusSeconds(60),
                        NOW.minusSeconds(60),
                        NOW.minusSeconds(60));
        var result =
                new SubscriberBatch(List.of(row), NOW)
                        .apply(
                                List.of(
                                        new SubscriberBatch.Erased("a", null),
                                        registered("a", "FR")));

        assertThat(result.deletes()).containsExactly(stored);
        assertThat(result.upserts())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.subscription().id()).isNotEqualTo(stored);
                            assertThat(r.subscription().scopes())
                                    .containsExactlyInAnyOrder("global", "country:FR");
                        });
    }

    @Test
    void shouldWriteNothingForARedeliveryOfAStoredSubscription() {
        var first = new SubscriberBatch(List.of(), NOW).apply(List.of(registered("a", "IT")));
        var stored = first.upserts().get(0);

        var again = new SubscriberBatch(List.of(stored), NOW).apply(List.of(registered("a", "IT")));

        assertThat(again.upserts()).isEmpty();
        assertThat(again.newScopes()).isEmpty();
        assertThat(again.joined()).hasSize(1); // still told: a late crossing is looked up again
    }

    @Test
    void shouldIgnoreATeacherErasedReadAfterTheRegistrationThatFollowedIt() {
        var erasedBefore = new SubscriberBatch.Erased("a", NOW.minusSeconds(1));
        var result =
                new SubscriberBatch(List.of(), NOW)
                        .apply(List.of(registered("a", "IT"), erasedBefore));

        assertThat(result.upserts()).hasSize(1);
        assertThat(result.erasures()).isEmpty();

        var erasedAfter = new SubscriberBatch.Erased("a", NOW.plusSeconds(1));
        assertThat(
                        new SubscriberBatch(List.of(), NOW)
                                .apply(List.of(registered("a", "IT"), erasedAfter))
                                .upserts())
                .isEmpty();
    }
}
