package io.milestones.notifier.social;

import io.milestones.notifier.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.client.RestClient;

/** The shared HTTP machinery with a fixed clock and a sleeper that records instead of sleeping. */
final class SocialTestHttp {

    private SocialTestHttp() {}

    /** Counts the waits; never sleeps. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    static SocialHttp http(Sleeper sleeper) {
        return new SocialHttp(
                RestClient.builder(),
                SocialFixtures.properties(null),
                sleeper,
                SocialFixtures.CLOCK);
    }

    static SocialImage image() {
        return new SocialImage(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10},
                "Celebration card: eTwinning counts 1,000,000 teachers.",
                1200,
                675);
    }

    static SocialPost post(String milestoneId, String text, Locale language, SocialImage image) {
        return new SocialPost(
                milestoneId,
                "test",
                text,
                language,
                java.time.Instant.parse("2021-12-03T10:15:30Z"),
                SocialFixtures.NOW,
                image);
    }
}
