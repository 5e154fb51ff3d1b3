package io.milestones.notifier.fanout;

import io.milestones.events.MilestoneReached;
import io.milestones.events.Topics;
import io.milestones.notifier.delivery.Channel;
import io.milestones.notifier.delivery.NotificationRequest;
import io.milestones.notifier.milestone.Audience;
import io.milestones.notifier.milestone.MilestoneArchive;
import io.milestones.notifier.milestone.MilestoneChannel;
import io.milestones.notifier.subscription.Recipient;
import io.milestones.notifier.subscription.SubscriberDirectory;
import io.milestones.notifier.suppression.SuppressionList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a milestone into one {@code notification-requests} record per confirmed subscriber of its
 * scope (plus the configured team addresses), inside the milestones listener's Kafka transaction:
 * the requests and the milestone's offset commit together. A crash midway aborts the transaction;
 * read_committed consumers never see the partial fan-out and the redelivered milestone fans out
 * again from the start. Subscribers are read in keyset chunks, so memory stays bounded however
 * large the audience (the producer's buffer bounds what is in flight). Suppressed addresses (hard
 * bounces, complaints) get no request; the senders check again before sending. A subscriber's
 * request names their subscription, never their address (the senders resolve it).
 */
@Component
class EmailFanOut implements MilestoneChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailFanOut.class);

    private final MilestoneArchive archive;
    private final SubscriberDirectory directory;
    private final KafkaTemplate<String, Object> template;
    private final FanOutLog fanOuts;
    private final FanOutProperties properties;
    private final TeamProperties team;
    private final SuppressionList suppressions;
    private final CrossingTeacherName crossingName;

    EmailFanOut(
            MilestoneArchive archive,
            SubscriberDirectory directory,
            @Qualifier("fanOutTemplate") KafkaTemplate<String, Object> template,
            FanOutLog fanOuts,
            FanOutProperties properties,
            TeamProperties team,
            SuppressionList suppressions,
            CrossingTeacherName crossingName) {
        this.archive = archive;
        this.directory = directory;
        this.template = template;
        this.fanOuts = fanOuts;
        this.properties = properties;
        this.team = team;
        this.suppressions = suppressions;
        this.crossingName = crossingName;
    }

    @Override
    public void celebrate(MilestoneReached milestone) {
        // Recorded (and committed) before the audience is read: a consenting teacher saved after
        // this point finds the milestone and gets their personal note; see LateCrossingTeacher.
        archive.record(milestone);
        // the e-mails name her (if she agreed) only once her contact has been read
        crossingName.awaitContact(milestone);
        // the crossing teacher gets the personal note: they subscribed, which needs their consent
        String crossedBy = milestone.crossedBy().teacherId();
        String audience = Audience.of(milestone.scope()); // a chain's milestone: global subscribers
        long requests = 0;
        long suppressed = 0;
        UUID after = null;
        List<Recipient> chunk;
        do {
            chunk = directory.audience(audience, after, properties.chunkSize());
            Set<String> left =
                    suppressions.suppressedAmong(chunk.stream().map(Recipient::email).toList());
            for (Recipient recipient : chunk) {
                if (left.contains(recipient.email())) {
                    suppressed++;
                    continue;
                }
                boolean personal = crossedBy.equals(recipient.teacherId());
                send(
                        NotificationRequest.toSubscriber(
                                milestone.milestoneId(),
                                recipient.language(),
                                recipient.subscriptionId(),
                                personal));
            }
            requests += chunk.size() - left.size();
            after = chunk.isEmpty() ? after : chunk.get(chunk.size() - 1).subscriptionId();
        } while (chunk.size() == properties.chunkSize());
        Set<String> suppressedTeam = suppressions.suppressedAmong(team.recipients());
        for (String address : team.recipients()) {
            if (suppressedTeam.contains(address)) {
                suppressed++;
                continue;
            }
            send(
                    NotificationRequest.toTeam(
                            milestone.milestoneId(), address, team.locale().toLanguageTag()));
            requests++;
        }
        fanOuts.completed(milestone.milestoneId(), Channel.EMAIL, requests, suppressed);
        log.info(
                "Milestone {}: {} e-mail request(s) produced, {} suppressed address(es) left out",
                milestone.milestoneId(),
                requests,
                suppressed);
    }

    private void send(NotificationRequest request) {
        template.send(Topics.NOTIFICATION_REQUESTS, request.key(), request);
    }
}
