package io.milestones.notifier.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CrossedBy;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A milestone of the campaign's chain ({@code campaign:1MeTwinners}) is told as the chain's own:
 * "500 teachers have answered #1MeTwinners!", with the campaign's tag at every threshold, in each
 * language the announcements are configured in, within each network's limit.
 */
class CampaignMilestonePostsTest {

    static MilestoneReached chain(long threshold) {
        Scope scope = Scope.campaign("1MeTwinners");
        return new MilestoneReached(
                scope.milestoneId(threshold),
                scope,
                threshold,
                threshold,
                Instant.parse("2021-12-05T09:00:00Z"),
                Instant.parse("2021-12-05T09:00:01Z"),
                new CrossedBy("chain:mastodon:109", "ZZ", null));
    }

    /** The composer with {@code language} as the announcements' language. */
    static SocialPostComposer composer(Locale language) {
        var base = SocialFixtures.properties(null);
        var properties = new SocialProperties(language, Map.of(), null, base.retry(), base.http());
        var messages = SocialFixtures.messages();
        return new SocialPostComposer(
                SocialFixtures.CAMPAIGN,
                properties,
                new PostLanguages(properties, messages),
                messages,
                SocialFixtures.CLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | 🎉 500 teachers have answered #1MeTwinners!",
                "it | 🎉 500 insegnanti hanno risposto a #1MeTwinners!",
                "fr | 🎉 500 enseignants ont répondu à #1MeTwinners !",
                "de | 🎉 500 Lehrkräfte haben auf #1MeTwinners geantwortet!",
                "es | 🎉 ¡500 docentes han respondido a #1MeTwinners!",
                "pl | 🎉 500 nauczycieli odpowiedziało na #1MeTwinners!"
            })
    void shouldAnnounceTheChainsMilestoneInEachLanguage(String language, String headline) {
        Locale locale = Locale.forLanguageTag(language);

        SocialPost post = composer(locale).compose(chain(500), "mastodon", PostLimit.MASTODON);

        assertThat(post.language()).isEqualTo(locale);
        assertThat(post.milestoneId()).isEqualTo("campaign:1MeTwinners:500");
        assertThat(post.text())
                .startsWith(headline + "\n\n" + SocialFixtures.CAMPAIGN.question(locale))
                .endsWith("\n\n#1MeTwinners #eTwinners");
    }

    @ParameterizedTest
    @EnumSource(PostLimit.class)
    void shouldKeepTheCampaignsTagAtAnyThresholdWithinEachLimit(PostLimit limit) {
        String text = composer(Locale.ENGLISH).compose(chain(20_000), "x", limit).text();

        assertThat(text)
                .startsWith("🎉 20,000 teachers have answered #1MeTwinners!")
                .endsWith("\n\n#1MeTwinners #eTwinners")
                .doesNotContain("20KeTwinners");
        assertThat(limit.length(text)).isLessThanOrEqualTo(limit.max());
    }

    @Test
    void shouldUseTheNetworksOwnInvitationForTheChainToo() {
        String text = composer(Locale.ENGLISH).compose(chain(500), "x", PostLimit.X).text();

        assertThat(text).contains("? Reply with #1MeTwinners and tag a colleague!");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | teachers have answered | Celebration card: 500 teachers have answered"
                        + " #1MeTwinners, reached on December 5, 2021.",
                "it | insegnanti hanno risposto | Biglietto di festa: 500 insegnanti hanno risposto"
                        + " a #1MeTwinners, traguardo raggiunto il 5 dicembre 2021.",
                "fr | enseignants ont répondu | Carte de fête : 500 enseignants ont répondu à"
                        + " #1MeTwinners, cap atteint le 5 décembre 2021.",
                "de | Lehrkräfte haben geantwortet | Festkarte: 500 Lehrkräfte haben auf"
                        + " #1MeTwinners geantwortet, erreicht am 5. Dezember 2021.",
                "es | docentes han respondido | Tarjeta de celebración: 500 docentes han respondido"
                        + " a #1MeTwinners, alcanzado el 5 de diciembre de 2021.",
                "pl | nauczycieli odpowiedziało | Kartka z okazji jubileuszu: 500 nauczycieli"
                        + " odpowiedziało na #1MeTwinners, osiągnięto 5 grudnia 2021."
            })
    void shouldDescribeTheChainsCardInEachLanguage(String language, String caption, String alt) {
        var messages = SocialFixtures.messages();
        var properties = SocialFixtures.properties(null);
        var card =
                new CelebrationCard(
                        SocialFixtures.CAMPAIGN, new PostLanguages(properties, messages), messages);
        Locale locale = Locale.forLanguageTag(language);

        SocialImage image =
                card.render(
                        Scope.campaign("1MeTwinners"),
                        500,
                        Instant.parse("2021-12-05T09:00:00Z"),
                        locale);

        assertThat(messages.getMessage("social.card.caption.campaign", null, locale))
                .isEqualTo(caption);
        assertThat(image.altText()).isEqualTo(alt);
    }
}
