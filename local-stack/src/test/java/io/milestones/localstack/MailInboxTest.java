package io.milestones.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailInboxTest {

    @Test
    void shouldListReceivedMailEscapedAndShowOne() throws Exception {
        var smtp =
                new GreenMail(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_SMTP))
                        .withConfiguration(
                                GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        try (var inbox =
                new MailInbox(smtp, 0, List.of(new MailInbox.Link("Counts", "http://x/c")))) {
            GreenMailUtil.sendTextEmail(
                    "to@example.org",
                    "from@example.org",
                    "<script>hi</script>",
                    "the body",
                    new ServerSetup(
                            smtp.getSmtp().getPort(), "localhost", ServerSetup.PROTOCOL_SMTP));
            var http = HttpClient.newHttpClient();

            String index = get(http, inbox.port(), "/");
            String mail = get(http, inbox.port(), "/mail/0");

            assertThat(index)
                    .contains("Inbox (1)")
                    .contains("&lt;script&gt;hi&lt;/script&gt;")
                    .doesNotContain("<script>")
                    .contains("http://x/c");
            assertThat(mail).contains("the body");
            assertThat(get(http, inbox.port(), "/mail/7")).contains("No such e-mail");
        } finally {
            smtp.stop();
        }
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
