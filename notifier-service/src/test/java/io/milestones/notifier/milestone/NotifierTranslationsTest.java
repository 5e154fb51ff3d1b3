package io.milestones.notifier.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.testing.Translations;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing of an e-mail or a post falls back to English in a supported language. */
class NotifierTranslationsTest {

    @Test
    void shouldTranslateEveryMailAndPostTextIntoEverySupportedLanguage() {
        Translations.assertComplete("i18n/notifier-mail", Translations.SUPPORTED);
        Translations.assertComplete("i18n/social", Translations.SUPPORTED);
    }

    @Test
    void shouldShowNoTextOfTheMailAndPageTemplatesThemselves() {
        Translations.assertTemplatesUseMessages("templates/notifier");
    }

    @Test
    void shouldAskTheChainQuestionInEverySupportedLanguage() {
        CampaignProperties campaign = ConfiguredCampaign.load();
        assertThat(campaign.question(Locale.ITALIAN))
                .isEqualTo(
                        "Qual è il miglior risultato che tu e i tuoi studenti avete ottenuto grazie"
                                + " a eTwinning?");
        assertThat(campaign.question(Locale.ENGLISH))
                .isEqualTo(
                        "What is the best result you and your students have achieved thanks to"
                                + " eTwinning?");
        for (String language : Translations.SUPPORTED) {
            if (!language.equals("en")) {
                assertThat(campaign.question(Locale.forLanguageTag(language)))
                        .as("the question in '%s'", language)
                        .isNotEqualTo(campaign.question(Locale.ENGLISH))
                        .contains("eTwinning");
            }
        }
        // a language the campaign has no wording for gets the English question
        assertThat(campaign.question(Locale.forLanguageTag("pt")))
                .isEqualTo(campaign.question(Locale.ENGLISH));
    }

    @Test
    void shouldPutTheQuestionInTheReadersLanguageIntoTheMilestoneView() {
        var milestone =
                new io.milestones.events.MilestoneReached(
                        "global:1000000",
                        io.milestones.events.Scope.GLOBAL,
                        1_000_000,
                        1_000_000,
                        java.time.Instant.parse("2021-12-03T10:00:00Z"),
                        java.time.Instant.parse("2021-12-03T10:00:01Z"),
                        new io.milestones.events.CrossedBy("t-1", "IT", null));
        var campaign = ConfiguredCampaign.load();
        // what the e-mail templates and the posts print (m.question)
        assertThat(MilestoneView.of(milestone, campaign, Locale.ITALIAN).question())
                .isEqualTo(campaign.question(Locale.ITALIAN))
                .startsWith("Qual è il miglior risultato");
        assertThat(MilestoneView.of(milestone, campaign, Locale.forLanguageTag("pl")).question())
                .startsWith("Jaki jest najlepszy wynik");
        var custom =
                new CampaignProperties(
                        "eTwinning", "eTwinners", "#{short}{tag}", "Q?", Map.of("fr", "Q ?"));
        assertThat(custom.question(Locale.FRENCH)).isEqualTo("Q ?");
        assertThat(custom.question(Locale.GERMAN)).isEqualTo("Q?");
    }
}
