package io.milestones.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.milestones.notifier.social.PublishedPost;
import io.milestones.notifier.social.SocialPost;
import io.milestones.notifier.social.SocialPublisher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every social network the notifier can switch on has a channel to record its posts under. */
class SocialChannelsTest {

    @Test
    void shouldAcceptEveryNetworkTheNotifierShips() {
        List<SocialPublisher> shipped =
                List.of(
                        network("mastodon"),
                        network("bluesky"),
                        network("x"),
                        network("facebook"),
                        network("instagram"),
                        network("linkedin"),
                        network("log"));

        assertThatCode(() -> deliveries(shipped)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToStartWithANetworkThatHasNoChannel() {
        assertThatThrownBy(() -> deliveries(List.of(network("mastodon"), network("threads"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'threads' is enabled but has no delivery channel")
                .hasMessageContaining("add THREADS to");
    }

    private static TableSocialDeliveries deliveries(List<SocialPublisher> publishers) {
        return new TableSocialDeliveries(
                new JdbcTemplate(), new DeliveryMetrics(new SimpleMeterRegistry()), publishers);
    }

    private static SocialPublisher network(String name) {
        return new SocialPublisher() {
            @Override
            public String network() {
                return name;
            }

            @Override
            public PublishedPost publish(SocialPost post) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
