package io.milestones.notifier.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.milestones.events.CrossedBy;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.notifier.milestone.TeacherName;
import io.milestones.notifier.milestone.TeacherNames;
import io.milestones.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrossingTeacherNameTest {

    private final TeacherNames names = mock(TeacherNames.class);

    /** The milestones below were detected at 10:00:01; the fan-out starts 200 ms later. */
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:01.200Z"));

    private final List<Duration> pauses = new ArrayList<>();
    private final CrossingTeacherName crossing =
            new CrossingTeacherName(
                    names,
                    Duration.ofSeconds(5),
                    clock,
                    pause -> {
                        pauses.add(pause);
                        clock.advance(pause);
                    });

    private static MilestoneReached crossedBy(Scope scope, String teacherId) {
        return new MilestoneReached(
                scope.id() + ":1000",
                scope,
                1_000,
                1_000,
                Instant.parse("2026-12-07T10:00:00Z"),
                Instant.parse("2026-12-07T10:00:01Z"),
                new CrossedBy(teacherId, "FR", null));
    }

    @Test
    void shouldNotWaitWhenHerContactIsReadAlready() {
        when(names.find("t-1")).thenReturn(Optional.of(new TeacherName("Camille", true)));

        crossing.awaitContact(crossedBy(Scope.GLOBAL, "t-1"));

        assertThat(pauses).isEmpty();
    }

    @Test
    void shouldWaitUntilHerContactIsRead() {
        when(names.find("t-1"))
                .thenReturn(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new TeacherName("Camille", true)));

        crossing.awaitContact(crossedBy(Scope.GLOBAL, "t-1"));

        assertThat(pauses).hasSize(2);
    }

    @Test
    void shouldGiveUpFiveSecondsAfterTheMilestoneWasDetected() {
        when(names.find("t-erased")).thenReturn(Optional.empty());

        crossing.awaitContact(crossedBy(Scope.GLOBAL, "t-erased"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T10:00:06Z"));
    }

    @Test
    void shouldNotWaitForAMilestoneHandledLaterThanThat() {
        when(names.find("t-1")).thenReturn(Optional.empty());
        clock.advance(Duration.ofMinutes(10)); // a notifier catching up on milestones

        crossing.awaitContact(crossedBy(Scope.GLOBAL, "t-1"));

        assertThat(pauses).isEmpty();
    }

    @Test
    void shouldNotWaitForAChainsMilestone() {
        when(names.find("t-1")).thenReturn(Optional.empty());

        crossing.awaitContact(crossedBy(Scope.campaign("1MeTwinners"), "t-1"));

        assertThat(pauses).isEmpty();
    }
}
