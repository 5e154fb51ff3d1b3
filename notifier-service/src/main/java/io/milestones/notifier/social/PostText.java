package io.milestones.notifier.social;

/**
 * The parts of a post and how they shrink to fit a limit: the optional invitation is dropped first,
 * then the question is cut at a word boundary with an ellipsis, then the headline. Hashtags and the
 * link always stay whole.
 */
record PostText(String headline, String question, String invite, String link, String hashtags) {

    private static final String ELLIPSIS = "…";

    String fit(PostLimit limit) {
        String full = join(headline, question, invite);
        if (limit.fits(full)) {
            return full;
        }
        String withoutInvite = join(headline, question, null);
        if (limit.fits(withoutInvite)) {
            return withoutInvite;
        }
        String shortQuestion = longestFitting(question, q -> join(headline, q, null), limit);
        if (shortQuestion != null) {
            return join(headline, shortQuestion, null);
        }
        String shortHeadline = longestFitting(headline, h -> join(h, null, null), limit);
        if (shortHeadline != null) {
            return join(shortHeadline, null, null);
        }
        throw new IllegalStateException("hashtags and link alone exceed " + limit);
    }

    private String join(String head, String body, String invitation) {
        StringBuilder text = new StringBuilder(head);
        if (body != null && !body.isEmpty()) {
            text.append("\n\n").append(body);
        }
        if (invitation != null && !invitation.isEmpty()) {
            text.append(' ').append(invitation);
        }
        if (link != null) {
            text.append("\n\n").append(link);
        }
        return text.append("\n\n").append(hashtags).toString();
    }

    /** The longest word-boundary prefix of {@code part} (plus "…") whose post fits, or null. */
    private static String longestFitting(
            String part, java.util.function.UnaryOperator<String> post, PostLimit limit) {
        String candidate = part;
        while (!candidate.isEmpty()) {
            int cut = candidate.lastIndexOf(' ');
            candidate = cut <= 0 ? "" : candidate.substring(0, cut).stripTrailing();
            String shortened = candidate.isEmpty() ? "" : stripPunctuation(candidate) + ELLIPSIS;
            if (!shortened.isEmpty() && limit.fits(post.apply(shortened))) {
                return shortened;
            }
        }
        return null;
    }

    private static String stripPunctuation(String text) {
        int end = text.length();
        while (end > 0 && ",;:-–—".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }
}
