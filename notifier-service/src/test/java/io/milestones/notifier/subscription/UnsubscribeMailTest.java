package io.milestones.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UnsubscribeMailTest {

    static final String TOKEN = "MTIzNC5VTlNVQlNDUklCRS4xNzAw.c2lnbmF0dXJlLWJ5dGVz_-x";

    @Test
    void shouldFindTheTokenInTheSubjectAsTheMailtoPutsItOrPrefixedByAMailProgram() {
        assertThat(UnsubscribeMail.token("unsubscribe " + TOKEN)).contains(TOKEN);
        assertThat(UnsubscribeMail.token("Re: Unsubscribe  " + TOKEN)).contains(TOKEN);
        assertThat(UnsubscribeMail.token("Fwd: UNSUBSCRIBE " + TOKEN + " thanks")).contains(TOKEN);
    }

    @Test
    void shouldFindNothingWithoutASignedLookingToken() {
        assertThat(UnsubscribeMail.token((String) null)).isEmpty();
        assertThat(UnsubscribeMail.token("Cheap pills")).isEmpty();
        assertThat(UnsubscribeMail.token("unsubscribe me please")).isEmpty();
        assertThat(UnsubscribeMail.token("resubscribe " + TOKEN)).isEmpty();
    }

    @Test
    void shouldLookInThePlainTextBodyWhenTheSubjectHasNoToken() throws Exception {
        var message = new MimeMessage(Session.getInstance(new Properties()));
        message.setSubject("Please stop");
        var text = new MimeBodyPart();
        text.setText("Hello,\nunsubscribe " + TOKEN + "\nBye");
        var html = new MimeBodyPart();
        html.setContent("<p>unsubscribe elsewhere.token</p>", "text/html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();

        assertThat(UnsubscribeMail.token(message)).contains(TOKEN);
    }
}
