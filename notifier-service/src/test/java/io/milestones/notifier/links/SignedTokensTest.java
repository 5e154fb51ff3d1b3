package io.milestones.notifier.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedTokensTest {

    static final Instant NOW = Instant.parse("2021-12-03T10:00:00Z");
    static final UUID ID = UUID.fromString("7f0c3a8e-2b6c-4d1e-9a51-0c7c5c6f9e11");

    final TokenProperties properties =
            new TokenProperties(
                    "a-secret-of-at-least-thirty-two-characters",
                    Duration.ofDays(7),
                    Duration.ofDays(30),
                    Duration.ofDays(400));

    SignedTokens at(Instant instant) {
        return new SignedTokens(properties, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void shouldAcceptItsOwnTokenForThePurposeItWasIssuedFor() {
        String token = at(NOW).issue(ID, TokenPurpose.UNSUBSCRIBE);
        assertThat(at(NOW).verify(token, TokenPurpose.UNSUBSCRIBE)).contains(ID);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void shouldRejectATokenForAnotherPurpose() {
        String token = at(NOW).issue(ID, TokenPurpose.PREFERENCES);
        assertThat(at(NOW).verify(token, TokenPurpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void shouldRejectAnExpiredToken() {
        String token = at(NOW).issue(ID, TokenPurpose.CONFIRM);
        assertThat(at(NOW.plus(Duration.ofDays(6))).verify(token, TokenPurpose.CONFIRM))
                .contains(ID);
        assertThat(at(NOW.plus(Duration.ofDays(8))).verify(token, TokenPurpose.CONFIRM)).isEmpty();
    }

    @Test
    void shouldRejectATamperedOrForeignToken() {
        String token = at(NOW).issue(ID, TokenPurpose.UNSUBSCRIBE);
        String otherId = at(NOW).issue(UUID.randomUUID(), TokenPurpose.UNSUBSCRIBE);
        String swapped =
                otherId.substring(0, otherId.indexOf('.')) + token.substring(token.indexOf('.'));
        var foreign =
                new SignedTokens(
                        new TokenProperties(
                                "another-secret-of-at-least-thirty-two-chars",
                                Duration.ofDays(7),
                                Duration.ofDays(30),
                                Duration.ofDays(400)),
                        Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(at(NOW).verify(swapped, TokenPurpose.UNSUBSCRIBE)).isEmpty();
        assertThat(
                        at(NOW).verify(
                                        foreign.issue(ID, TokenPurpose.UNSUBSCRIBE),
                                        TokenPurpose.UNSUBSCRIBE))
                .isEmpty();
        assertThat(at(NOW).verify("garbage", TokenPurpose.UNSUBSCRIBE)).isEmpty();
        assertThat(at(NOW).verify("!!.??", TokenPurpose.UNSUBSCRIBE)).isEmpty();
        assertThat(at(NOW).verify(null, TokenPurpose.UNSUBSCRIBE)).isEmpty();
    }
}
