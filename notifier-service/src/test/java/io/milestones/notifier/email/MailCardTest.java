package io.milestones.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CrossedBy;
import io.milestones.events.Scope;
import io.milestones.notifier.testing.NotifierTestKit;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MailCardTest {

    @Test
    void shouldLeaveThePictureOutWhenTheCardIsSwitchedOff() {
        var properties =
                new MailProperties(
                        "milestones@etwinning.example",
                        "eTwinning Milestones",
                        "milestones.local",
                        "unsubscribe@milestones.local",
                        0,
                        Duration.ofSeconds(10),
                        new MailProperties.Card(false, 536));
        // no card painter at all: switched off, nothing is drawn
        var card = new MailCard(null, properties);

        assertThat(
                        card.of(
                                NotifierTestKit.milestone(
                                        Scope.GLOBAL, 1_000_000, new CrossedBy("t-0", "IT", null)),
                                Locale.ITALIAN))
                .isNull();
    }
}
