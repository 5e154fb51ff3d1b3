package io.milestones.notifier.milestone;

import io.milestones.events.MilestoneReached;
import io.milestones.events.RegistrationsV1Migration;
import io.milestones.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Celebrates each {@link MilestoneReached} through every channel, inside a Kafka transaction that
 * also commits the milestone's offset (see {@code FanOutKafkaConfig}). Other events on the topic
 * (MilestoneApproaching) are not celebrations and are skipped.
 */
@Component
class MilestoneListener {

    private static final Logger log = LoggerFactory.getLogger(MilestoneListener.class);

    private final List<MilestoneChannel> channels;

    MilestoneListener(List<MilestoneChannel> channels) {
        this.channels = channels;
    }

    @KafkaListener(
            id = "milestones",
            idIsGroup = false,
            topics = Topics.MILESTONES,
            containerFactory = "transactionalListenerContainerFactory")
    void onMilestone(ConsumerRecord<String, Object> record) {
        if (record.headers().lastHeader(RegistrationsV1Migration.REPUBLISHED_HEADER) != null) {
            // the same milestone re-published without a name (migration): celebrated already
            return;
        }
        if (record.value() instanceof MilestoneReached reached) {
            log.info("Milestone {} reached (count {})", reached.milestoneId(), reached.count());
            for (MilestoneChannel channel : channels) {
                channel.celebrate(reached);
            }
        } else {
            log.debug("Skipping {} on {}", record.value().getClass().getSimpleName(), record.key());
        }
    }
}
