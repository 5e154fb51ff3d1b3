package io.milestones.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CrossedBy;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.notifier.milestone.ConfiguredCampaign;
import io.milestones.notifier.milestone.MilestoneView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The e-mail of a milestone of the campaign's chain ({@code campaign:1MeTwinners}), rendered from
 * the real templates and bundles: its own subject, number line and body in each language, the
 * campaign's tag, and no personal note (a post crossed the line, not a teacher).
 */
class CampaignMilestoneMailTest {

    private static final MilestoneReached CHAIN_500 =
            new MilestoneReached(
                    "campaign:1MeTwinners:500",
                    Scope.campaign("1MeTwinners"),
                    500,
                    500,
                    Instant.parse("2021-12-05T09:00:00Z"),
                    Instant.parse("2021-12-05T09:00:01Z"),
                    new CrossedBy("chain:mastodon:109", "ZZ", null));

    private final MailComposer composer =
            new MailComposer(
                    templates(), messages(), mailProperties(), null, java.time.Clock.systemUTC());

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | eTwinning: 500 teachers have answered #1MeTwinners! | 500 teachers have answered"
                        + " #1MeTwinners | 500 teachers have now answered #1MeTwinners: each shared",
                "it | eTwinning: 500 insegnanti hanno risposto a #1MeTwinners! | 500 insegnanti hanno"
                        + " risposto a #1MeTwinners | 500 insegnanti hanno ormai risposto a"
                        + " #1MeTwinners: ognuno",
                "fr | eTwinning : 500 enseignants ont répondu à #1MeTwinners ! | 500 enseignants ont"
                        + " répondu à #1MeTwinners | 500 enseignants ont maintenant répondu à"
                        + " #1MeTwinners : chacun·e",
                "de | eTwinning: 500 Lehrkräfte haben auf #1MeTwinners geantwortet! | 500 Lehrkräfte"
                        + " haben auf #1MeTwinners geantwortet | 500 Lehrkräfte haben jetzt auf"
                        + " #1MeTwinners geantwortet: Jede",
                "es | eTwinning: ¡500 docentes han respondido a #1MeTwinners! | 500 docentes han"
                        + " respondido a #1MeTwinners | 500 docentes ya han respondido a #1MeTwinners:"
                        + " cada uno",
                "pl | eTwinning: 500 nauczycieli odpowiedziało na #1MeTwinners! | 500 nauczycieli"
                        + " odpowiedziało na #1MeTwinners | 500 nauczycieli odpowiedziało już na"
                        + " #1MeTwinners: każdy"
            })
    void shouldCelebrateTheChainInTheReadersLanguage(
            String language, String subject, String numberLine, String body) {
        Locale locale = Locale.forLanguageTag(language);
        var view = MilestoneView.of(CHAIN_500, ConfiguredCampaign.load(), locale);

        Mail mail = composer.milestone(view, "ana@example.org", locale, false, null, null);

        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.text())
                .startsWith("eTwinning — " + numberLine + "\n")
                .contains(body)
                .contains(messages().getMessage("mail.chain.campaign", null, locale))
                .contains(ConfiguredCampaign.load().question(locale))
                .contains("\n#1MeTwinners\n");
        assertThat(mail.html())
                .contains(">" + numberLine.substring(4) + "</p>")
                .contains(body)
                .doesNotContain("#500eTwinners");
    }

    @Test
    void shouldWriteNoPersonalNoteForAChainMilestone() {
        var view =
                MilestoneView.of(
                        CHAIN_500,
                        ConfiguredCampaign.load(),
                        Locale.ENGLISH,
                        java.util.Optional.of(
                                new io.milestones.notifier.milestone.TeacherName(
                                        "Somebody", true)));

        Mail mail = composer.milestone(view, "ana@example.org", Locale.ENGLISH, true, null, null);

        assertThat(mail.subject()).isEqualTo("eTwinning: 500 teachers have answered #1MeTwinners!");
        assertThat(mail.text()).doesNotContain("Somebody");
    }

    @Test
    void shouldKeepTheGlobalAndCountryTextsAsTheyWere() {
        var global =
                new MilestoneReached(
                        "global:1000",
                        Scope.GLOBAL,
                        1000,
                        1000,
                        CHAIN_500.reachedAt(),
                        CHAIN_500.detectedAt(),
                        new CrossedBy("t-1", "IT", null));
        Mail mail =
                composer.milestone(
                        MilestoneView.of(global, ConfiguredCampaign.load(), Locale.ITALIAN),
                        "ana@example.org",
                        Locale.ITALIAN,
                        false,
                        null,
                        null);

        assertThat(mail.subject()).isEqualTo("eTwinning: 1.000 insegnanti insieme!");
        assertThat(mail.text())
                .startsWith("eTwinning — 1.000 insegnanti nella nostra comunità\n")
                .contains("eTwinning conta ora 1.000 insegnanti registrati.")
                .contains("avvia la catena")
                .contains("\n#1KeTwinners\n");
    }

    static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/social", "i18n/notifier-mail");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** Text templates as TextTemplatesConfig resolves them, HTML ones as Boot does. */
    static SpringTemplateEngine templates() {
        var text = new ClassLoaderTemplateResolver();
        text.setPrefix("templates/");
        text.setResolvablePatterns(Set.of("*.txt"));
        text.setTemplateMode(TemplateMode.TEXT);
        text.setCharacterEncoding(StandardCharsets.UTF_8.name());
        text.setOrder(0);
        text.setCheckExistence(true);
        var html = new ClassLoaderTemplateResolver();
        html.setPrefix("templates/");
        html.setSuffix(".html");
        html.setTemplateMode(TemplateMode.HTML);
        html.setCharacterEncoding(StandardCharsets.UTF_8.name());
        html.setOrder(1);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolvers(Set.of(text, html));
        engine.setTemplateEngineMessageSource(messages());
        return engine;
    }

    static MailProperties mailProperties() {
        return Binder.get(new org.springframework.core.env.StandardEnvironment())
                .bindOrCreate("milestones.mail", MailProperties.class);
    }
}
