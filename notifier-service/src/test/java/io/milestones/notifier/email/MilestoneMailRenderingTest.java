package io.milestones.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.milestones.events.CrossedBy;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.notifier.links.SubscriberLinks;
import io.milestones.notifier.milestone.ConfiguredCampaign;
import io.milestones.notifier.milestone.MilestoneView;
import io.milestones.notifier.milestone.TeacherName;
import io.milestones.testing.TestClock;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IContext;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * A milestone e-mail rendered once per milestone and language and then given each subscriber's own
 * links is, byte for byte, the e-mail rendered for that subscriber alone — with links that carry
 * characters HTML escapes ({@code &}, {@code '}), for several subscribers, languages, the personal
 * note and the card.
 */
class MilestoneMailRenderingTest {

    private static final MilestoneReached GLOBAL_1000 =
            new MilestoneReached(
                    "global:1000",
                    Scope.GLOBAL,
                    1000,
                    1000,
                    Instant.parse("2021-12-05T09:00:00Z"),
                    Instant.parse("2021-12-05T09:00:01Z"),
                    new CrossedBy("t-1", "IT", null));

    private static final Mail.InlineImage CARD =
            new Mail.InlineImage(
                    "card.global.1000.it@milestones.local",
                    new byte[] {1},
                    "1.000 & più",
                    536,
                    302);

    private final SpringTemplateEngine templates = CampaignMilestoneMailTest.templates();
    private final SubscriberLinks links = mock(SubscriberLinks.class);
    private final MailComposer composer =
            new MailComposer(
                    templates,
                    CampaignMilestoneMailTest.messages(),
                    CampaignMilestoneMailTest.mailProperties(),
                    links,
                    Clock.systemUTC());

    @Test
    void shouldSendEachSubscriberTheSameEmailAsARenderingOfTheirOwn() {
        List<UUID> subscribers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : subscribers) {
            String token = "tok'" + id;
            when(links.unsubscribeToken(id)).thenReturn(token);
            when(links.unsubscribeUrl(token))
                    .thenReturn(URI.create("https://m.example/u?a=1&token=" + token));
            when(links.preferences(id))
                    .thenReturn(URI.create("https://m.example/p?b=2&token=p'" + id));
        }
        var named = Optional.of(new TeacherName("Ana <O'Neil> & Co", true));
        for (Locale locale : List.of(Locale.ITALIAN, Locale.ENGLISH, Locale.GERMAN)) {
            var view = MilestoneView.of(GLOBAL_1000, ConfiguredCampaign.load(), locale, named);
            for (boolean personal : List.of(false, true)) {
                for (Mail.InlineImage card : java.util.Arrays.asList(CARD, null)) {
                    for (UUID id : subscribers) {
                        Mail mail =
                                composer.milestone(
                                        view, "a@example.org", locale, personal, id, card);

                        Context alone = new Context(locale);
                        alone.setVariable("m", view);
                        alone.setVariable("personal", personal);
                        alone.setVariable("card", card);
                        alone.setVariable("unsubscribeUrl", mail.unsubscribe().https());
                        alone.setVariable("preferencesUrl", links.preferences(id));
                        assertThat(mail.text())
                                .isEqualTo(
                                        templates.process(
                                                "notifier/mail/milestone-reached.txt", alone));
                        assertThat(mail.html())
                                .isEqualTo(
                                        templates.process("notifier/mail/milestone-reached", alone))
                                .contains("?a=1&amp;token=tok&#39;" + id);
                    }
                }
            }
        }
    }

    /**
     * The composer decides the transfer encodings once per rendering; each e-mail's must be what
     * JavaMail would have decided by scanning that e-mail's own bodies (7bit aside: links of any
     * length go in, so quoted-printable).
     */
    @Test
    void shouldGiveEveryEmailTheTransferEncodingsJavaMailWouldDecideForItsOwnBodies()
            throws Exception {
        UUID id = UUID.randomUUID();
        when(links.unsubscribeToken(id)).thenReturn("tok");
        when(links.unsubscribeUrl("tok"))
                .thenReturn(URI.create("https://m.example/u?token=" + "t".repeat(1200)));
        when(links.preferences(id)).thenReturn(URI.create("https://m.example/p?token=p"));
        var names =
                List.of(
                        Optional.of(new TeacherName("Ana", true)),
                        Optional.of(new TeacherName("Ωραία Ελληνική Δασκάλα ".repeat(60), true)));
        for (String language : List.of("en", "de", "es", "fr", "it", "pl")) {
            Locale locale = Locale.forLanguageTag(language);
            for (var name : names) {
                var view = MilestoneView.of(GLOBAL_1000, ConfiguredCampaign.load(), locale, name);
                for (boolean personal : List.of(false, true)) {
                    Mail mail =
                            composer.milestone(view, "a@example.org", locale, personal, id, CARD);

                    assertThat(mail.encodings())
                            .isEqualTo(
                                    new Mail.Encodings(
                                            javaMailWouldPick(mail.text(), "text/plain"),
                                            javaMailWouldPick(mail.html(), "text/html")));
                }
            }
        }
    }

    private static String javaMailWouldPick(String body, String type) throws Exception {
        String picked =
                jakarta.mail.internet.MimeUtility.getEncoding(
                        new jakarta.mail.util.ByteArrayDataSource(body, type + "; charset=UTF-8"));
        return picked.equals("7bit") ? "quoted-printable" : picked;
    }

    @Test
    void shouldRenderATeamAddressWithoutLinks() {
        var view = MilestoneView.of(GLOBAL_1000, ConfiguredCampaign.load(), Locale.ITALIAN);
        UUID subscriber = UUID.randomUUID();
        when(links.unsubscribeToken(subscriber)).thenReturn("tok");
        when(links.unsubscribeUrl("tok")).thenReturn(URI.create("https://m.example/u?token=tok"));
        when(links.preferences(subscriber)).thenReturn(URI.create("https://m.example/p?token=p"));
        composer.milestone(view, "x@example.org", Locale.ITALIAN, false, subscriber, CARD);

        Mail team = composer.milestone(view, "team@example.org", Locale.ITALIAN, false, null, CARD);

        assertThat(team.unsubscribe()).isNull();
        assertThat(team.text()).doesNotContain("milestones-link-").doesNotContain("token=");
        assertThat(team.html()).doesNotContain("milestones-link-").doesNotContain("token=");
    }

    @Test
    void shouldRenderAgainOnceARenderingIsOlderThanItsLifetime() {
        var clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
        new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-12-06T10:00:00Z"));
        SpringTemplateEngine counting = spy(templates);
        var timed =
                new MailComposer(
                        counting,
                        CampaignMilestoneMailTest.messages(),
                        CampaignMilestoneMailTest.mailProperties(),
                        links,
                        clock);
        var view = MilestoneView.of(GLOBAL_1000, ConfiguredCampaign.load(), Locale.ITALIAN);

        for (int i = 0; i < 5; i++) {
            timed.milestone(view, "t@example.org", Locale.ITALIAN, false, null, null);
        }
        verify(counting, times(2)).process(anyString(), any(IContext.class)); // text, HTML

        clock.advance(MailComposer.RENDERED_FOR.plusSeconds(1));
        timed.milestone(view, "t@example.org", Locale.ITALIAN, false, null, null);
        verify(counting, times(4)).process(anyString(), any(IContext.class));
    }
}
