package io.milestones.localstack;

import java.util.List;

/** The social sink's page: every post each network received, newest first, with its picture. */
final class SocialLogPage {

    private SocialLogPage() {}

    static String render(List<SocialSink.Post> posts) {
        var body = new StringBuilder();
        body.append("<p>What Mastodon, Bluesky, X, Facebook, Instagram and LinkedIn would have")
                .append(" received from the notifier (")
                .append(posts.size())
                .append(" posts). Refreshes every 5 seconds.</p>")
                .append("<table><thead><tr><th>Received</th><th>Network</th><th>Text</th>")
                .append("<th>Picture</th></tr></thead><tbody>");
        for (int i = posts.size() - 1; i >= 0; i--) {
            SocialSink.Post post = posts.get(i);
            body.append("<tr><td>")
                    .append(post.receivedAt())
                    .append("</td><td class=\"network\">")
                    .append(MailInbox.escape(post.network()))
                    .append("</td><td><pre>")
                    .append(MailInbox.escape(post.text()))
                    .append("</pre></td><td>")
                    .append(post.picture() == null ? "none" : MailInbox.escape(post.picture()))
                    .append("</td></tr>");
        }
        body.append("</tbody></table>");
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"5\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Social log</title><style>body{font-family:system-ui,sans-serif;"
                + "margin:2rem;color:#1b2330}table{border-collapse:collapse}td,th{padding:.3rem"
                + " .8rem;border-bottom:1px solid #ccd;vertical-align:top;text-align:left}"
                + "pre{white-space:pre-wrap;margin:0;font-family:inherit}.network{font-weight:600}"
                + "</style></head><body><h1>Social log</h1>"
                + body
                + "</body></html>";
    }
}
