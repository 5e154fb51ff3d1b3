package io.milestones.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A web inbox over the GreenMail SMTP sink: {@code /} lists every e-mail received, {@code /mail/N}
 * shows one as its recipient would see it. Local use only; it binds to localhost.
 */
final class MailInbox implements AutoCloseable {

    private final GreenMail mail;
    private final HttpServer server;
    private final List<Link> links;

    /**
     * @param label what the link is
     * @param url where it points
     */
    record Link(String label, String url) {}

    MailInbox(GreenMail mail, int port, List<Link> links) throws IOException {
        this.mail = mail;
        this.links = links;
        this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            MimeMessage[] messages = mail.getReceivedMessages();
            if (path.equals("/")) {
                send(exchange, 200, index(messages));
            } else if (path.startsWith("/mail/")) {
                int index = parse(path.substring("/mail/".length()));
                if (index < 0 || index >= messages.length) {
                    send(exchange, 404, page("Not found", "<p>No such e-mail.</p>", false));
                } else {
                    send(exchange, 200, show(messages[index]));
                }
            } else {
                send(exchange, 404, page("Not found", "<p>Nothing here.</p>", false));
            }
        } catch (MessagingException e) {
            throw new IOException("could not read an e-mail", e);
        }
    }

    private String index(MimeMessage[] messages) throws MessagingException {
        var body = new StringBuilder();
        body.append("<nav><ul>");
        for (Link link : links) {
            body.append("<li><a href=\"")
                    .append(escape(link.url()))
                    .append("\">")
                    .append(escape(link.label()))
                    .append("</a></li>");
        }
        body.append("</ul></nav><h2>Inbox (")
                .append(messages.length)
                .append(
                        ")</h2><table><thead><tr><th>#</th><th>To</th><th>Subject</th><th>Received</th>")
                .append("</tr></thead><tbody>");
        for (int i = messages.length - 1; i >= 0; i--) {
            MimeMessage m = messages[i];
            body.append("<tr><td>")
                    .append(i + 1)
                    .append("</td><td>")
                    .append(escape(GreenMailUtil.getAddressList(m.getAllRecipients())))
                    .append("</td><td><a href=\"/mail/")
                    .append(i)
                    .append("\">")
                    .append(escape(m.getSubject()))
                    .append("</a></td><td>")
                    .append(m.getReceivedDate() == null ? "" : m.getReceivedDate().toInstant())
                    .append("</td></tr>");
        }
        body.append("</tbody></table>");
        if (messages.length == 0) {
            body.append("<p>No e-mail yet. This page refreshes every 5 seconds.</p>");
        }
        return page("Milestones local stack", body.toString(), true);
    }

    private String show(MimeMessage message) throws MessagingException, IOException {
        String html = MailParts.find(message, "text/html");
        if (html != null) {
            return html;
        }
        String text = MailParts.find(message, "text/plain");
        return page(message.getSubject(), "<pre>" + escape(text) + "</pre>", false);
    }

    private static String page(String title, String body, boolean refresh) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + (refresh ? "<meta http-equiv=\"refresh\" content=\"5\">" : "")
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>"
                + escape(title)
                + "</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b2330}"
                + "table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid"
                + " #ccd}a{color:#0b4f9c}</style></head><body><h1>"
                + escape(title)
                + "</h1>"
                + body
                + "</body></html>";
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
