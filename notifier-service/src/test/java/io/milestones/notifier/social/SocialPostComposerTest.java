package io.milestones.notifier.social;

import static io.milestones.notifier.social.SocialFixtures.composer;
import static io.milestones.notifier.social.SocialFixtures.country;
import static io.milestones.notifier.social.SocialFixtures.global;
import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.notifier.milestone.CampaignProperties;
import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SocialPostComposerTest {

    @ParameterizedTest
    @EnumSource(PostLimit.class)
    void shouldAnnounceTheGlobalMilestoneWithQuestionAndCampaignHashtagWithinEachLimit(
            PostLimit limit) {
        SocialPost post = composer(null).compose(global(1_000_000), "net", limit);

        assertThat(post.text())
                .startsWith("🎉 eTwinning counts 1,000,000 teachers!")
                .contains("What is the best result you and your students")
                .endsWith("\n\n#1MeTwinners #eTwinners");
        assertThat(limit.length(post.text())).isLessThanOrEqualTo(limit.max());
        assertThat(post.language()).isEqualTo(Locale.ENGLISH);
        assertThat(post.milestoneId()).isEqualTo("global:1000000");
    }

    @Test
    void shouldInviteToTheChainWhereTheNetworkHasRoom() {
        String text = composer(null).compose(global(1_000_000), "net", PostLimit.MASTODON).text();

        assertThat(text)
                .isEqualTo(
                        "🎉 eTwinning counts 1,000,000 teachers!\n\n"
                                + "What is the best result you and your students have achieved"
                                + " thanks to eTwinning? Answer with #1MeTwinners and tag a"
                                + " colleague!\n\n#1MeTwinners #eTwinners");
    }

    @Test
    void shouldUseANetworksOwnWordingWhenTheBundleHasOne() {
        String text = composer(null).compose(global(1_000_000), "x", PostLimit.X).text();

        assertThat(text).contains("? Reply with #1MeTwinners and tag a colleague!");
        assertThat(PostLimit.X.length(text)).isLessThanOrEqualTo(280);
    }

    @Test
    void shouldPostACountrysMilestoneInItsMainLanguage() {
        SocialPost post = composer(null).compose(country("IT", 50_000), "net", PostLimit.BLUESKY);

        assertThat(post.language()).isEqualTo(Locale.ITALIAN);
        assertThat(post.text())
                .startsWith("🎉 eTwinning conta 50.000 insegnanti in Italia!")
                .contains("Qual è il miglior risultato che tu e i tuoi studenti")
                .endsWith("#50KeTwinners #eTwinners");
    }

    @Test
    void shouldPostInEveryBundledLanguage() {
        var composer = composer(null);

        assertThat(composer.compose(country("AT", 1_000), "n", PostLimit.X).text())
                .startsWith("🎉 eTwinning zählt 1.000 Lehrkräfte in Österreich!");
        assertThat(composer.compose(country("FR", 50_000), "n", PostLimit.X).text())
                .startsWith("🎉 eTwinning compte 50\u202f000 enseignants en France !");
        assertThat(composer.compose(country("ES", 2_500), "n", PostLimit.X).text())
                .startsWith("🎉 ¡eTwinning cuenta con 2.500 docentes en España!");
        assertThat(composer.compose(country("PL", 10_000), "n", PostLimit.X).text())
                .startsWith("🎉 eTwinning liczy 10\u00a0000 nauczycieli w kraju: Polska!");
    }

    @Test
    void shouldFallBackToEnglishAsAWholeWhenTheCountrysLanguageHasNoBundle() {
        SocialPost post = composer(null).compose(country("GR", 10_000), "net", PostLimit.MASTODON);

        assertThat(post.language()).isEqualTo(Locale.ENGLISH);
        assertThat(post.text()).startsWith("🎉 eTwinning counts 10,000 teachers in Greece!");
    }

    @Test
    void shouldDropTheInvitationFirstWhenTheTextIsTooLongForX() {
        URI link = URI.create("https://www.etwinning.net/en/pub/news/1-million-etwinners.htm");

        String text = composer(link).compose(country("DE", 100_000), "x", PostLimit.X).text();

        assertThat(PostLimit.X.length(text)).isLessThanOrEqualTo(280);
        assertThat(text)
                .doesNotContain("Antworten Sie")
                .contains("Was ist das beste Ergebnis")
                .contains("\n\n" + link + "\n\n")
                .endsWith("#100KeTwinners #eTwinners");
    }

    @Test
    void shouldShortenALongQuestionAtAWordButNeverTheHashtagsOrTheLink() {
        URI link = URI.create("https://www.etwinning.net/en/pub/news/1-million-etwinners.htm");
        var campaign =
                new CampaignProperties(
                        "eTwinning",
                        "eTwinners",
                        "#{short}{tag}",
                        "Tell us "
                                + "about the best project you ran with your students "
                                        .repeat(12)
                                        .strip(),
                        java.util.Map.of());

        for (PostLimit limit : PostLimit.values()) {
            String text = composer(campaign, link).compose(global(1_000_000), "n", limit).text();

            assertThat(limit.length(text)).isLessThanOrEqualTo(limit.max());
            assertThat(text)
                    .startsWith("🎉 eTwinning counts 1,000,000 teachers!\n\nTell us about")
                    .containsPattern("\\w…\\n\\n")
                    .contains("\n\n" + link + "\n\n")
                    .endsWith("#1MeTwinners #eTwinners");
        }
    }

    @Test
    void shouldCountTheLinkAs23OnXAndMastodonButInFullOnBluesky() {
        String link = "https://example.org/" + "a".repeat(100);

        assertThat(PostLimit.X.length("go " + link)).isEqualTo(26);
        assertThat(PostLimit.MASTODON.length("go " + link)).isEqualTo(26);
        assertThat(PostLimit.BLUESKY.length("go " + link)).isEqualTo(123);
    }

    @Test
    void shouldCountEmojiSequencesAsOneGraphemeAndTwoOnX() {
        String family = "👩‍👩‍👧‍👦";
        String flag = "🇮🇹";

        assertThat(PostLimit.BLUESKY.length(family + flag + "é🎉")).isEqualTo(4);
        assertThat(PostLimit.X.length(family + flag + "é🎉")).isEqualTo(7);
        assertThat(PostLimit.X.length("Ελλάδα")).isEqualTo(6);
        assertThat(PostLimit.X.length("日本")).isEqualTo(4);
    }
}
