package io.milestones.notifier.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SocialSettingsTest {

    @Test
    void shouldRequireCredentialsOnlyForAnEnabledNetwork() {
        assertThat(new MastodonProperties(false, null, null, null).isComplete()).isTrue();
        assertThat(
                        new MastodonProperties(true, URI.create("https://m.example"), " ", null)
                                .isComplete())
                .isFalse();
        assertThat(
                        new BlueskyProperties(true, URI.create("https://bsky.social"), "h", null)
                                .isComplete())
                .isFalse();
        assertThat(new XProperties(true, URI.create("https://api.x.com"), null).isComplete())
                .isFalse();
        assertThat(new XProperties(true, URI.create("https://api.x.com"), "t").isComplete())
                .isTrue();
    }

    @Test
    void shouldNeverPrintASecret() {
        assertThat(
                        new MastodonProperties(
                                        true,
                                        URI.create("https://m.example"),
                                        "secret-token",
                                        MastodonProperties.Visibility.PUBLIC)
                                .toString())
                .doesNotContain("secret-token")
                .contains("***");
        assertThat(
                        new BlueskyProperties(
                                        true, URI.create("https://bsky.social"), "h", "app-pass-1")
                                .toString())
                .doesNotContain("app-pass-1");
        assertThat(new XProperties(true, URI.create("https://api.x.com"), "x-secret").toString())
                .doesNotContain("x-secret");
    }
}
