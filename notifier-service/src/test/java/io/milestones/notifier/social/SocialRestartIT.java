package io.milestones.notifier.social;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.milestones.events.MilestoneReached;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A process posts a milestone everywhere and dies before it records the outcomes (and before the
 * Kafka offset is committed); the restarted process gets the milestone again, knowing nothing. The
 * networks' journal proves each one still holds exactly one post.
 */
class SocialRestartIT {

    @RegisterExtension
    static WireMockExtension networks =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** One process: fresh publishers, sessions and (in-memory) deliveries. */
    private SocialAnnouncer process(InMemorySocialDeliveries deliveries) {
        var http = SocialTestHttp.http(new SocialTestHttp.RecordingSleeper());
        URI base = URI.create(networks.baseUrl());
        var properties = SocialFixtures.properties(null);
        var messages = SocialFixtures.messages();
        var languages = new PostLanguages(properties, messages);
        List<SocialPublisher> publishers =
                List.of(
                        new MastodonPublisher(
                                new MastodonProperties(
                                        true, base, "t", MastodonProperties.Visibility.PUBLIC),
                                http),
                        new BlueskyPublisher(
                                new BlueskyProperties(true, base, "etwinning.bsky.social", "p"),
                                http),
                        new XPublisher(new XProperties(true, base, "t"), http));
        return new SocialAnnouncer(
                SocialFixtures.composer(null),
                publishers,
                deliveries,
                new CelebrationCard(SocialFixtures.CAMPAIGN, languages, messages),
                new CelebratedMilestones(),
                SocialFixtures.waitingPosts(),
                SocialFixtures.CLOCK);
    }

    @Test
    void shouldStillHoldOnePostPerNetworkAfterARestartBetweenSendAndAcknowledgement() {
        NetworkStubs.all(networks);
        MilestoneReached milestone = SocialFixtures.global(1_000_000);

        process(new InMemorySocialDeliveries()).celebrate(milestone);
        // Crash: the outcomes and the offset are lost; the milestone is delivered again.
        var afterRestart = new InMemorySocialDeliveries();
        process(afterRestart).celebrate(milestone);

        var statuses = networks.findAll(postRequestedFor(urlEqualTo("/api/v1/statuses")));
        assertThat(statuses).hasSize(2);
        assertThat(statuses)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .doesNotContainNull()
                .containsOnly(statuses.get(0).getHeader("Idempotency-Key"));
        networks.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord")));
        // X has no idempotency key: its duplicate-content rule (403) is what keeps the second
        // attempt from posting, and it only applies to the very same text
        var tweets = networks.findAll(postRequestedFor(urlEqualTo("/2/tweets")));
        assertThat(tweets).hasSize(2);
        assertThat(tweets.get(1).getBodyAsString()).isEqualTo(tweets.get(0).getBodyAsString());
        assertThat(answersTo("/2/tweets")).containsExactly(201, 403);
        for (String network : List.of("mastodon", "bluesky", "x")) {
            assertThat(afterRestart.find(milestone.milestoneId(), network))
                    .hasValueSatisfying(
                            d -> assertThat(d.status()).isEqualTo(SocialDeliveryStatus.POSTED));
        }
    }

    /** The status codes the network answered to {@code path}, oldest first. */
    private static List<Integer> answersTo(String path) {
        List<Integer> answers = new ArrayList<>();
        for (ServeEvent event : networks.getAllServeEvents()) { // newest first
            if (event.getRequest().getUrl().equals(path)) {
                answers.add(0, event.getResponse().getStatus());
            }
        }
        return answers;
    }
}
