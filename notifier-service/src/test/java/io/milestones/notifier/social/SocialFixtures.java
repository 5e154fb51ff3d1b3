package io.milestones.notifier.social;

import io.milestones.events.CrossedBy;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.notifier.milestone.CampaignProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The real bundles, campaign and settings the tests compose posts with. */
final class SocialFixtures {

    static final Instant NOW = Instant.parse("2021-12-03T10:15:35Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** As notifier-service.yml configures it: the chain question in every language. */
    static final CampaignProperties CAMPAIGN =
            io.milestones.notifier.milestone.ConfiguredCampaign.load();

    private SocialFixtures() {}

    static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/social", "i18n/notifier-mail");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static SocialProperties properties(URI link) {
        return new SocialProperties(
                Locale.ENGLISH,
                Map.of(
                        "IT",
                        Locale.ITALIAN,
                        "FR",
                        Locale.FRENCH,
                        "AT",
                        Locale.GERMAN,
                        "DE",
                        Locale.GERMAN,
                        "GR",
                        Locale.forLanguageTag("el"),
                        "ES",
                        Locale.forLanguageTag("es"),
                        "PL",
                        Locale.forLanguageTag("pl")),
                link,
                retry(),
                new SocialProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    /** Nothing waits long: re-checks a few milliseconds apart; no archive behind. */
    static WaitingPosts waitingPosts() {
        return new WaitingPosts(
                new LimitWaitProperties(Duration.ofMillis(5), Duration.ofMillis(20)),
                id -> java.util.Optional.empty());
    }

    static SocialProperties.Retry retry() {
        return new SocialProperties.Retry(
                4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(30));
    }

    static SocialPostComposer composer(URI link) {
        return composer(CAMPAIGN, link);
    }

    static SocialPostComposer composer(CampaignProperties campaign, URI link) {
        var properties = properties(link);
        var messages = messages();
        return new SocialPostComposer(
                campaign, properties, new PostLanguages(properties, messages), messages, CLOCK);
    }

    static MilestoneReached global(long threshold) {
        return new MilestoneReached(
                Scope.GLOBAL.milestoneId(threshold),
                Scope.GLOBAL,
                threshold,
                threshold,
                Instant.parse("2021-12-03T10:15:30Z"),
                Instant.parse("2021-12-03T10:15:31Z"),
                new CrossedBy("t-1", "IT", null));
    }

    static MilestoneReached country(String country, long threshold) {
        Scope scope = Scope.country(country);
        return new MilestoneReached(
                scope.milestoneId(threshold),
                scope,
                threshold,
                threshold,
                Instant.parse("2021-11-20T16:02:11Z"),
                Instant.parse("2021-11-20T16:02:12Z"),
                new CrossedBy("t-2", country, null));
    }
}
