package io.milestones.chain.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milestones.chain.ChainMetrics.BadInput;
import io.milestones.chain.stream.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class MastodonStatusesTest {

    final MastodonStatuses statuses =
            new MastodonStatuses("1MeTwinners", List.of("1metwinners"), "m.example", 2);

    static String status(String visibility, String reblog, String tags, String mentions) {
        return "{\"id\":\"7\",\"created_at\":\"2021-12-03T11:00:00.000Z\",\"visibility\":\""
                + visibility
                + "\",\"language\":\"de\",\"url\":\"https://m.example/@jo/7\",\"account\":{\"acct\":\"jo\"},"
                + "\"mentions\":["
                + mentions
                + "],\"tags\":["
                + tags
                + "],\"in_reply_to_id\":\"6\",\"reblog\":"
                + reblog
                + ",\"quote\":{\"state\":\"accepted\",\"quoted_status\":{\"id\":\"5\"}}}";
    }

    @Test
    void shouldReadAPublicTaggedStatusWithFullAccountsAndNoText() {
        var post =
                statuses.read(
                        Json.parse(
                                status(
                                        "public",
                                        "null",
                                        "{\"name\":\"1MeTwinners\"}",
                                        "{\"acct\":\"ana@other.example\"}")));

        assertThat(post.author()).isEqualTo("jo@m.example");
        assertThat(post.mentions()).containsExactly("ana@other.example");
        assertThat(post.inReplyTo()).isEqualTo("6");
        assertThat(post.quotes()).isEqualTo("5");
        assertThat(post.eventId()).isEqualTo("mastodon:7");
    }

    @Test
    void shouldIgnoreBoostsPrivateAndUntaggedStatuses() {
        String tag = "{\"name\":\"1metwinners\"}";
        assertThat(statuses.read(Json.parse(status("private", "null", tag, "")))).isNull();
        assertThat(statuses.read(Json.parse(status("public", "{\"id\":\"1\"}", tag, "")))).isNull();
        assertThat(statuses.read(Json.parse(status("public", "null", "{\"name\":\"cats\"}", ""))))
                .isNull();
    }

    @Test
    void shouldRejectAStatusTaggingTooManyAccounts() {
        String three = "{\"acct\":\"a\"},{\"acct\":\"b\"},{\"acct\":\"c\"}";

        assertThatThrownBy(
                        () ->
                                statuses.read(
                                        Json.parse(
                                                status(
                                                        "public",
                                                        "null",
                                                        "{\"name\":\"1metwinners\"}",
                                                        three))))
                .isInstanceOf(BadInput.class)
                .extracting(e -> ((BadInput) e).reason())
                .isEqualTo("too-many-mentions");
    }
}
