package io.milestones.milestone.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.testing.Translations;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every text of the statistics pages exists in every language they offer. */
class StatsTranslationsTest {

    @Test
    void shouldTranslateEveryTextOfThePagesIntoEverySupportedLanguage() {
        assertThat(StatsLocales.SUPPORTED.stream().map(Locale::getLanguage))
                .containsExactlyInAnyOrderElementsOf(Translations.SUPPORTED);
        Translations.assertComplete("i18n/milestone-stats", Translations.SUPPORTED);
    }

    @Test
    void shouldShowNoTextOfTheTemplatesThemselves() {
        Translations.assertTemplatesUseMessages("templates/milestone/stats");
    }
}
