package io.milestones.notifier.social;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the hashtags and links of a post's text, with their positions both as Java string indexes
 * and as UTF-8 byte offsets (what Bluesky's rich-text facets use).
 */
final class RichText {

    /** A link: scheme, then anything up to white space; trailing punctuation is not part of it. */
    static final Pattern LINK = Pattern.compile("https?://\\S+");

    /**
     * A hashtag after white space or at the start; letters, digits, marks and '_', not all digits.
     */
    private static final Pattern HASHTAG =
            Pattern.compile(
                    "(?<=^|\\s)#([\\p{L}\\p{M}\\p{N}_]*[\\p{L}\\p{M}_][\\p{L}\\p{M}\\p{N}_]*)");

    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'\"";

    private RichText() {}

    /**
     * A run of the text.
     *
     * @param start first char index (inclusive)
     * @param end last char index (exclusive)
     * @param byteStart UTF-8 byte offset of {@code start}
     * @param byteEnd UTF-8 byte offset of {@code end}
     * @param value the tag without '#', or the full URL
     */
    record Span(int start, int end, int byteStart, int byteEnd, String value) {}

    static List<Span> hashtags(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = HASHTAG.matcher(text);
        while (matcher.find()) {
            spans.add(span(text, matcher.start(), matcher.end(), matcher.group(1)));
        }
        return spans;
    }

    static List<Span> links(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            int end = matcher.end();
            while (end > matcher.start()
                    && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            spans.add(span(text, matcher.start(), end, text.substring(matcher.start(), end)));
        }
        return spans;
    }

    private static Span span(String text, int start, int end, String value) {
        return new Span(start, end, utf8Length(text, 0, start), utf8Length(text, 0, end), value);
    }

    private static int utf8Length(String text, int from, int to) {
        return text.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
    }
}
