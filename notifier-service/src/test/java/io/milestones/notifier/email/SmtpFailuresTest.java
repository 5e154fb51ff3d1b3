package io.milestones.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.notifier.delivery.PermanentDeliveryException;
import io.milestones.notifier.delivery.TransientDeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {

    static final InternetAddress BOB = address("bob@example.org");

    @Test
    void shouldTreatARejectedRecipientAsPermanentAndMaskTheAddress() {
        var rejected =
                new SMTPAddressFailedException(
                        BOB,
                        "RCPT TO:<bob@example.org>",
                        550,
                        "5.1.1 <bob@example.org>: no such user");
        var failure = new SendFailedException("Invalid Addresses", rejected);
        RuntimeException classified = SmtpFailures.classify(failure);
        assertThat(classified).isInstanceOf(PermanentDeliveryException.class);
        assertThat(classified.getMessage())
                .contains("550")
                .doesNotContain("bob@example.org")
                .contains("b***@example.org");
    }

    @Test
    void shouldRetryAGreylistedRecipientOrAFullQueue() {
        var greylisted =
                new SMTPAddressFailedException(
                        BOB, "RCPT TO:<bob@example.org>", 451, "4.7.1 try later");
        assertThat(SmtpFailures.classify(new SendFailedException("Invalid Addresses", greylisted)))
                .isInstanceOf(TransientDeliveryException.class);
        var queueFull =
                new SMTPSendFailedException(
                        "DATA", 452, "4.3.1 queue full", null, null, null, null);
        assertThat(SmtpFailures.classify(queueFull)).isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void shouldTellADomainsTryLaterFromOneMailboxsTrouble() {
        assertThat(SmtpFailures.domainThrottle(refused(451, "4.7.0 too many messages"))).isTrue();
        assertThat(SmtpFailures.domainThrottle(refused(421, "4.7.28 unusual rate"))).isTrue();
        assertThat(SmtpFailures.domainThrottle(refused(450, "try again later"))).isTrue();
        assertThat(SmtpFailures.domainThrottle(refused(452, "4.3.1 insufficient storage")))
                .isTrue();
        assertThat(SmtpFailures.domainThrottle(refused(452, "4.2.2 mailbox full"))).isFalse();
        assertThat(SmtpFailures.domainThrottle(refused(450, "4.1.1 mailbox unavailable")))
                .isFalse();
        assertThat(SmtpFailures.domainThrottle(refused(550, "5.7.1 rejected"))).isFalse();
        assertThat(
                        SmtpFailures.domainThrottle(
                                new SMTPSendFailedException(
                                        "DATA", 421, "4.4.2 closing", null, null, null, null)))
                .isTrue();
        assertThat(SmtpFailures.domainThrottle(new MessagingException("connection refused")))
                .isFalse();
    }

    private static SendFailedException refused(int code, String text) {
        return new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(
                        BOB, "RCPT TO:<bob@example.org>", code, code + " " + text));
    }

    @Test
    void shouldTreatARejectedMessageAsPermanent() {
        var rejected =
                new SMTPSendFailedException("DATA", 554, "5.7.1 rejected", null, null, null, null);
        assertThat(SmtpFailures.classify(rejected)).isInstanceOf(PermanentDeliveryException.class);
    }

    @Test
    void shouldRetryWhenTheServerCannotBeReached() {
        var refused =
                new MailConnectException(
                        new SocketConnectException(
                                "Connection refused",
                                new ConnectException("refused"),
                                "localhost",
                                25,
                                5000));
        assertThat(SmtpFailures.classify(refused)).isInstanceOf(TransientDeliveryException.class);
        assertThat(SmtpFailures.classify(new MessagingException("connection lost")))
                .isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void shouldTreatAMalformedAddressAsPermanent() {
        assertThat(SmtpFailures.classify(new AddressException("Illegal address", "a b@")))
                .isInstanceOf(PermanentDeliveryException.class);
    }

    private static InternetAddress address(String value) {
        try {
            return new InternetAddress(value);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
