package io.milestones.notifier.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RichTextTest {

    private static final String TEXT =
            "🎉 Ελλάδα & Türkiye: 50.000! #1MeTwinners #eTwinners\n"
                    + "https://example.org/news?id=1. #ÉcoleNumérique #2021 👩‍👩‍👧‍👦 #café";

    @Test
    void shouldFindHashtagsAtTheirUtf8ByteOffsetsAfterAccentsAndEmoji() {
        var tags = RichText.hashtags(TEXT);

        assertThat(tags)
                .extracting(RichText.Span::value)
                .containsExactly("1MeTwinners", "eTwinners", "ÉcoleNumérique", "café");
        for (var tag : tags) {
            assertThat(utf8Slice(TEXT, tag.byteStart(), tag.byteEnd()))
                    .isEqualTo("#" + tag.value());
        }
        // "🎉 " is 5 bytes, "Ελλάδα" 12, " & " 3, "Türkiye" 8, ": 50.000! " 10.
        assertThat(tags.get(0).byteStart()).isEqualTo(38);
        assertThat(tags.get(0).byteEnd()).isEqualTo(50);
    }

    @Test
    void shouldFindLinksWithoutTheirTrailingPunctuation() {
        var links = RichText.links(TEXT);

        assertThat(links).hasSize(1);
        assertThat(links.get(0).value()).isEqualTo("https://example.org/news?id=1");
        assertThat(utf8Slice(TEXT, links.get(0).byteStart(), links.get(0).byteEnd()))
                .isEqualTo("https://example.org/news?id=1");
    }

    private static String utf8Slice(String text, int from, int to) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new String(Arrays.copyOfRange(bytes, from, to), StandardCharsets.UTF_8);
    }
}
