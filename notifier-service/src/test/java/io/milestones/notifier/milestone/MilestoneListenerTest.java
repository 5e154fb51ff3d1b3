package io.milestones.notifier.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CrossedBy;
import io.milestones.events.MilestoneReached;
import io.milestones.events.RegistrationsV1Migration;
import io.milestones.events.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class MilestoneListenerTest {

    static final MilestoneReached REACHED =
            new MilestoneReached(
                    "global:5",
                    Scope.GLOBAL,
                    5,
                    5,
                    Instant.EPOCH,
                    Instant.EPOCH,
                    new CrossedBy("t-1", "IT", null));

    final List<MilestoneReached> celebrated = new ArrayList<>();
    final MilestoneListener listener = new MilestoneListener(List.of(celebrated::add));

    @Test
    void shouldCelebrateAMilestone() {
        listener.onMilestone(new ConsumerRecord<>("milestones", 0, 0, "global:5", REACHED));

        assertThat(celebrated).containsExactly(REACHED);
    }

    @Test
    void shouldNotCelebrateAgainAMilestoneTheMigrationRepublishedWithoutItsName() {
        var record = new ConsumerRecord<String, Object>("milestones", 0, 1, "global:5", REACHED);
        record.headers()
                .add(
                        RegistrationsV1Migration.REPUBLISHED_HEADER,
                        "anonymised".getBytes(StandardCharsets.UTF_8));

        listener.onMilestone(record);

        assertThat(celebrated).isEmpty();
    }
}
