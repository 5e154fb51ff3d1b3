package io.milestones.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@code notification-requests} samples in docs/events are what the fan-out writes and what the
 * senders read: a subscriber's request names the subscription, never the address; a v1 request
 * still in flight is read.
 */
class NotificationRequestSamplesTest {

    static final Path SAMPLES = Path.of("..", "docs", "events");
    static final UUID SUBSCRIPTION = UUID.fromString("0b6f2c1e-3d4a-4f5b-8c9d-0e1f2a3b4c5d");

    @Test
    void shouldWriteASubscribersRequestWithoutTheirAddressAsTheV2Sample() throws Exception {
        var request = NotificationRequest.toSubscriber("global:1000000", "it", SUBSCRIPTION, true);

        assertThat(json(EventJson.write(request)))
                .isEqualTo(sample("notification-request.v2.json"));
        assertThat(read("notification-request.v2.json")).isEqualTo(request);
        assertThat(request.key()).isEqualTo(SUBSCRIPTION.toString());
        assertThat(request.recipient()).isNull();
    }

    @Test
    void shouldWriteATeamRequestWithItsConfiguredAddressAsTheTeamSample() throws Exception {
        var request = NotificationRequest.toTeam("global:1000000", "team@etwinning.example", "en");

        assertThat(json(EventJson.write(request)))
                .isEqualTo(sample("notification-request-team.v2.json"));
        assertThat(read("notification-request-team.v2.json")).isEqualTo(request);
        assertThat(request.key()).isEqualTo("team@etwinning.example");
    }

    @Test
    void shouldStillReadAV1RequestWhichTheSendersResolveByItsSubscription() throws Exception {
        var request = read("notification-request.v1.json");

        assertThat(request.subscriptionId()).isEqualTo(SUBSCRIPTION);
        assertThat(request.milestoneId()).isEqualTo("global:1000000");
        assertThat(request.personal()).isTrue();
        // the address it carries is replaced by the one resolved at send time
        assertThat(request.resolvedTo("now@school.example").recipient())
                .isEqualTo("now@school.example");
    }

    private static NotificationRequest read(String name) throws Exception {
        return EventJson.read(Files.readAllBytes(SAMPLES.resolve(name)), NotificationRequest.class);
    }

    private static Object sample(String name) throws Exception {
        return json(Files.readAllBytes(SAMPLES.resolve(name)));
    }

    private static Object json(byte[] bytes) {
        return EventJson.mapper().readTree(bytes);
    }
}
