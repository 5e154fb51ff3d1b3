package io.milestones.notifier.social;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much text a network takes and how it counts it. Mastodon counts grapheme clusters with every
 * link as 23; Bluesky counts grapheme clusters (300); X weighs each character (Latin and most
 * punctuation 1, everything else, emoji and CJK included, 2) with every link as 23 (280); Facebook
 * is kept to 500 grapheme clusters, what shows before "See more".
 */
public enum PostLimit {
    MASTODON(500) {
        @Override
        int length(String text) {
            return linksAs23(text, PostLimit::graphemes);
        }
    },
    BLUESKY(300) {
        @Override
        int length(String text) {
            return graphemes(text);
        }
    },
    X(280) {
        @Override
        int length(String text) {
            return linksAs23(text, PostLimit::weighted);
        }
    },
    /**
     * Facebook takes 63,206 characters; the first ~480 show before "See more", so the announcement
     * is kept to Mastodon's size.
     */
    /** Facebook and LinkedIn: both take thousands, both fold after a few lines. */
    FACEBOOK(500) {
        @Override
        int length(String text) {
            return graphemes(text);
        }
    };

    /** One user-perceived character (an extended grapheme cluster: emoji ZWJ sequences, flags). */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private static final int LINK_LENGTH = 23;

    private final int max;

    PostLimit(int max) {
        this.max = max;
    }

    /** The most the network takes, in its own unit. */
    public int max() {
        return max;
    }

    /** The length of {@code text} as the network counts it. */
    abstract int length(String text);

    boolean fits(String text) {
        return length(text) <= max;
    }

    static int graphemes(String text) {
        Matcher matcher = GRAPHEME.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** X's weighting: code points in its light ranges weigh 1, every other grapheme 2. */
    private static int weighted(String text) {
        Matcher matcher = GRAPHEME.matcher(text);
        int weight = 0;
        while (matcher.find()) {
            weight += isLight(text.codePointAt(matcher.start())) ? 1 : 2;
        }
        return weight;
    }

    private static boolean isLight(int codePoint) {
        return codePoint <= 4351
                || (codePoint >= 8192 && codePoint <= 8205)
                || (codePoint >= 8208 && codePoint <= 8223)
                || (codePoint >= 8242 && codePoint <= 8247);
    }

    private static int linksAs23(String text, java.util.function.ToIntFunction<String> counter) {
        int length = 0;
        int from = 0;
        for (RichText.Span link : RichText.links(text)) {
            length += counter.applyAsInt(text.substring(from, link.start())) + LINK_LENGTH;
            from = link.end();
        }
        return length + counter.applyAsInt(text.substring(from));
    }
}
