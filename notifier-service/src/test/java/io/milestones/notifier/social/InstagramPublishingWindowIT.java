package io.milestones.notifier.social;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.milestones.notifier.social.InstagramPublisherIT.CONTAINER;
import static io.milestones.notifier.social.InstagramPublisherIT.LIMIT;
import static io.milestones.notifier.social.InstagramPublisherIT.MEDIA;
import static io.milestones.notifier.social.InstagramPublisherIT.PUBLISH;
import static io.milestones.notifier.social.InstagramPublisherIT.STATUS;
import static io.milestones.notifier.social.InstagramPublisherIT.USER;
import static io.milestones.notifier.social.InstagramPublisherIT.noMedia;
import static io.milestones.notifier.social.InstagramPublisherIT.quota;
import static io.milestones.notifier.social.InstagramPublisherIT.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.milestones.events.MilestoneReached;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A used-up Instagram publishing limit ({@code content_publishing_limit}: {@code quota_usage} 50 of
 * {@code quota_total} 50) makes the post wait in this process, not the milestone record: the other
 * networks post at once, the Instagram delivery stays {@code PENDING}, the limit is checked again
 * with a back-off until the window frees a slot, then the post goes out exactly once — also when a
 * restart interrupts the wait (decision 0406).
 */
class InstagramPublishingWindowIT {

    @RegisterExtension
    static WireMockExtension graph =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Every state the Instagram delivery went through: status, attempts, last error. */
    private final List<String> history = new CopyOnWriteArrayList<>();

    private final InMemorySocialDeliveries deliveries =
            new InMemorySocialDeliveries() {
                @Override
                public void record(SocialDelivery delivery) {
                    remember(delivery);
                    super.record(delivery);
                }

                @Override
                public boolean claim(SocialDelivery delivery, int expectedAttempts) {
                    boolean won = super.claim(delivery, expectedAttempts);
                    if (won) {
                        remember(delivery);
                    }
                    return won;
                }

                private void remember(SocialDelivery d) {
                    if (d.network().equals(InstagramPublisher.NETWORK)) {
                        history.add(d.status() + " " + d.attempts() + " " + d.lastError());
                    }
                }
            };
    private final List<SocialPost> mastodon = new CopyOnWriteArrayList<>();
    private final List<WaitingPosts> processes = new CopyOnWriteArrayList<>();
    private final MilestoneReached milestone = SocialFixtures.global(1_000_000);

    @AfterEach
    void stop() {
        processes.forEach(WaitingPosts::close);
    }

    /** One notifier process: Instagram through WireMock, Mastodon answering at once. */
    private SocialAnnouncer process(Duration firstCheck, Duration maxCheck) {
        var waiting =
                new WaitingPosts(
                        new LimitWaitProperties(firstCheck, maxCheck),
                        id ->
                                id.equals(milestone.milestoneId())
                                        ? Optional.of(milestone)
                                        : Optional.empty());
        processes.add(waiting);
        var instagram =
                new InstagramPublisher(
                        new InstagramProperties(
                                true,
                                URI.create(graph.baseUrl()),
                                "v23.0",
                                USER,
                                "ig-token-1",
                                URI.create("https://milestones.etwinning.example"),
                                2),
                        SocialTestHttp.http(new SocialTestHttp.RecordingSleeper()));
        SocialPublisher other =
                new SocialPublisher() {
                    @Override
                    public String network() {
                        return "mastodon";
                    }

                    @Override
                    public PublishedPost publish(SocialPost post) {
                        mastodon.add(post);
                        return new PublishedPost("1", "https://m/1", false);
                    }
                };
        var properties = SocialFixtures.properties(null);
        var messages = SocialFixtures.messages();
        return new SocialAnnouncer(
                SocialFixtures.composer(null),
                List.of(instagram, other),
                deliveries,
                new CelebrationCard(
                        SocialFixtures.CAMPAIGN, new PostLanguages(properties, messages), messages),
                new CelebratedMilestones(),
                waiting,
                SocialFixtures.CLOCK);
    }

    private void stubEverythingButTheLimit() {
        graph.stubFor(get(urlPathEqualTo(MEDIA)).willReturn(noMedia()));
        graph.stubFor(post(MEDIA).willReturn(okJson("{\"id\": \"" + CONTAINER + "\"}")));
        graph.stubFor(get(urlPathEqualTo(STATUS)).willReturn(status("FINISHED")));
        graph.stubFor(post(PUBLISH).willReturn(okJson("{\"id\": \"17920238422030506\"}")));
    }

    /** The limit answers "used up" {@code full} times, then one slot is free. */
    private void stubLimitUsedUpThenFreed(int full) {
        for (int i = 0; i < full; i++) {
            graph.stubFor(
                    get(urlPathEqualTo(LIMIT))
                            .inScenario("window")
                            .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "full-" + i)
                            .willReturn(quota(50))
                            .willSetStateTo(i == full - 1 ? "freed" : "full-" + (i + 1)));
        }
        graph.stubFor(
                get(urlPathEqualTo(LIMIT))
                        .inScenario("window")
                        .whenScenarioStateIs("freed")
                        .willReturn(quota(49)));
    }

    private SocialDelivery instagram() {
        return deliveries.find(milestone.milestoneId(), InstagramPublisher.NETWORK).orElseThrow();
    }

    @Test
    void shouldWaitInProcessForTheWindowThenPublishOnceWithoutHoldingUpTheOtherNetworks() {
        stubEverythingButTheLimit();
        stubLimitUsedUpThenFreed(2);
        SocialAnnouncer announcer = process(Duration.ofMillis(300), Duration.ofMillis(600));

        announcer.celebrate(milestone); // no exception: the record is done, nothing dead-lettered
        announcer.celebrate(milestone); // a redelivery while the post waits leaves it waiting

        assertThat(mastodon).hasSize(1);
        assertThat(deliveries.find(milestone.milestoneId(), "mastodon").orElseThrow().status())
                .isEqualTo(SocialDeliveryStatus.POSTED);
        assertThat(history.get(1))
                .isEqualTo(
                        "PENDING 1 "
                                + WaitingPosts.MARKER
                                + "instagram unavailable: publishing limit used up: 50 of 50"
                                + " posts in 24 h; next check in 0.3s");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> instagram().status() == SocialDeliveryStatus.POSTED);

        SocialDelivery posted = instagram();
        assertThat(posted.postId()).isEqualTo("17920238422030506");
        String usedUp =
                WaitingPosts.MARKER
                        + "instagram unavailable: publishing limit used up: 50 of 50 posts in 24 h;"
                        + " next check in ";
        assertThat(history)
                .containsExactly(
                        "PENDING 1 null",
                        "PENDING 1 " + usedUp + "0.3s",
                        "PENDING 2 " + WaitingPosts.MARKER + "checking again (attempt 2)",
                        "PENDING 2 " + usedUp + "0.6s",
                        "PENDING 3 " + WaitingPosts.MARKER + "checking again (attempt 3)",
                        "POSTED 3 null");
        graph.verify(3, getRequestedFor(urlEqualTo(LIMIT + "?fields=quota_usage,config")));
        graph.verify(1, postRequestedFor(urlEqualTo(MEDIA)));
        graph.verify(1, postRequestedFor(urlEqualTo(PUBLISH)));
        assertThat(mastodon).hasSize(1);
    }

    @Test
    void shouldResumeTheWaitAfterARestartAndPublishOnceWhenTwoProcessesResume() {
        stubEverythingButTheLimit();
        stubLimitUsedUpThenFreed(1);
        // the first process finds the limit used up, then stops before its next check
        process(Duration.ofHours(1), Duration.ofHours(1)).celebrate(milestone);
        processes.get(0).close();
        assertThat(instagram().status()).isEqualTo(SocialDeliveryStatus.PENDING);
        assertThat(instagram().lastError()).startsWith(WaitingPosts.MARKER);

        // restarted (two instances on the same deliveries table): both find the waiting row
        SocialAnnouncer first = process(Duration.ofMillis(50), Duration.ofMillis(100));
        SocialAnnouncer second = process(Duration.ofMillis(50), Duration.ofMillis(100));
        first.resumeWaiting();
        second.resumeWaiting();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> instagram().status() == SocialDeliveryStatus.POSTED);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> processes.get(1).size() == 0 && processes.get(2).size() == 0);

        graph.verify(1, postRequestedFor(urlEqualTo(MEDIA)));
        graph.verify(1, postRequestedFor(urlEqualTo(PUBLISH)));
        assertThat(instagram().postId()).isEqualTo("17920238422030506");
        assertThat(mastodon).hasSize(1); // posted by the first process, not again
    }
}
