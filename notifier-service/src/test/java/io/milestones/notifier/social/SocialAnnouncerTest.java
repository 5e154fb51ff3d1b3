package io.milestones.notifier.social;

import static io.milestones.notifier.social.SocialFixtures.global;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SocialAnnouncerTest {

    private final InMemorySocialDeliveries deliveries = new InMemorySocialDeliveries();
    private final List<SocialPost> sent = new ArrayList<>();

    /** A network that records what it receives and answers with {@code answer}. */
    private SocialPublisher network(String name, Function<SocialPost, PublishedPost> answer) {
        return new SocialPublisher() {
            @Override
            public String network() {
                return name;
            }

            @Override
            public boolean attachesImage() {
                return !name.equals("x");
            }

            @Override
            public String account() {
                return "@etwinning@" + name;
            }

            @Override
            public PublishedPost publish(SocialPost post) {
                sent.add(post);
                return answer.apply(post);
            }
        };
    }

    private SocialAnnouncer announcer(SocialPublisher... publishers) {
        var properties = SocialFixtures.properties(null);
        var messages = SocialFixtures.messages();
        var languages = new PostLanguages(properties, messages);
        return new SocialAnnouncer(
                SocialFixtures.composer(null),
                List.of(publishers),
                deliveries,
                new CelebrationCard(SocialFixtures.CAMPAIGN, languages, messages),
                new CelebratedMilestones(),
                SocialFixtures.waitingPosts(),
                SocialFixtures.CLOCK);
    }

    @Test
    void shouldPostOncePerNetworkWithTheCardWhereItIsAttachedAndRecordEachOutcome() {
        var announcer =
                announcer(
                        network("mastodon", p -> new PublishedPost("1", "https://m/1", false)),
                        network("x", p -> new PublishedPost("2", null, false)));

        announcer.celebrate(global(1_000_000));
        announcer.celebrate(global(1_000_000));

        assertThat(sent).extracting(SocialPost::network).containsExactly("mastodon", "x");
        assertThat(sent.get(0).image()).isNotNull();
        assertThat(sent.get(1).image()).isNull();
        assertThat(deliveries.find("global:1000000", "mastodon"))
                .hasValueSatisfying(
                        d -> {
                            assertThat(d.status()).isEqualTo(SocialDeliveryStatus.POSTED);
                            assertThat(d.attempts()).isEqualTo(1);
                            assertThat(d.postId()).isEqualTo("1");
                            assertThat(d.account()).isEqualTo("@etwinning@mastodon");
                        });
    }

    @Test
    void shouldRecordAPermanentRejectionAsFailedWithTheReasonAndStillPostElsewhere() {
        var announcer =
                announcer(
                        network(
                                "mastodon",
                                p -> {
                                    throw new SocialPostRejectedException(
                                            "mastodon", 401, "The access token is invalid");
                                }),
                        network("x", p -> new PublishedPost("2", null, false)));

        assertThatThrownBy(() -> announcer.celebrate(global(1_000_000)))
                .isInstanceOf(SocialPostRejectedException.class);

        assertThat(deliveries.find("global:1000000", "mastodon"))
                .hasValueSatisfying(
                        d -> {
                            assertThat(d.status()).isEqualTo(SocialDeliveryStatus.FAILED);
                            assertThat(d.lastError()).contains("The access token is invalid");
                        });
        assertThat(deliveries.find("global:1000000", "x"))
                .hasValueSatisfying(
                        d -> assertThat(d.status()).isEqualTo(SocialDeliveryStatus.POSTED));
    }

    @Test
    void shouldThrowTheTransientFailureSoTheRecordIsRetriedAndThenOnlyRetryTheMissingNetwork() {
        var flaky = new int[] {0};
        var announcer =
                announcer(
                        network(
                                "bluesky",
                                p -> {
                                    if (flaky[0]++ == 0) {
                                        throw new SocialNetworkUnavailableException(
                                                "bluesky", "503", null, null);
                                    }
                                    return new PublishedPost("at://1", null, false);
                                }),
                        network(
                                "mastodon",
                                p -> {
                                    throw new SocialPostRejectedException("mastodon", 422, "no");
                                }),
                        network("x", p -> new PublishedPost("2", null, false)));

        assertThatThrownBy(() -> announcer.celebrate(global(1_000_000)))
                .isInstanceOf(SocialNetworkUnavailableException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(deliveries.find("global:1000000", "bluesky").orElseThrow().status())
                .isEqualTo(SocialDeliveryStatus.PENDING);

        sent.clear();
        assertThatThrownBy(() -> announcer.celebrate(global(1_000_000)))
                .isInstanceOf(SocialPostRejectedException.class);

        assertThat(sent).extracting(SocialPost::network).containsExactly("bluesky", "mastodon");
        assertThat(deliveries.find("global:1000000", "bluesky").orElseThrow())
                .satisfies(
                        d -> {
                            assertThat(d.status()).isEqualTo(SocialDeliveryStatus.POSTED);
                            assertThat(d.attempts()).isEqualTo(2);
                        });
    }
}
