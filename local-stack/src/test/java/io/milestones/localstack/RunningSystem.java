package io.milestones.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The system as the end-to-end tests run it: a real SMTP server (GreenMail), the social sink
 * standing in for the six networks, and the three services on random ports against the given
 * broker, the team addresses {@code a@example.org} and {@code b@example.org} receiving every
 * milestone.
 */
final class RunningSystem implements AutoCloseable {

    static final String[] TEAM = {"a@example.org", "b@example.org"};

    final GreenMail smtp;
    final SocialSink social;
    final Services services;

    private RunningSystem(GreenMail smtp, SocialSink social, Services services) {
        this.smtp = smtp;
        this.social = social;
        this.services = services;
    }

    /**
     * @param milestoneSettings milestone-service's settings ({@link TestSettings#milestone})
     */
    static RunningSystem start(String bootstrapServers, Map<String, Object> milestoneSettings)
            throws Exception {
        GreenMail smtp =
                new GreenMail(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_SMTP))
                        .withConfiguration(
                                GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        SocialSink social = new SocialSink(0, Clock.systemUTC());
        Map<String, Object> notifier = new HashMap<>(social.notifierSettings(0));
        notifier.put("milestones.mail.recipients", String.join(",", TEAM));
        Services services =
                Services.start(
                        common(bootstrapServers, smtp),
                        TestSettings.registration(),
                        milestoneSettings,
                        TestSettings.notifier(notifier));
        return new RunningSystem(smtp, social, services);
    }

    /** What every service of this system gets: a random port, the broker, the SMTP server. */
    static Map<String, Object> common(String bootstrapServers, GreenMail smtp) {
        return Map.of(
                "server.port",
                0,
                "spring.kafka.bootstrap-servers",
                bootstrapServers,
                "spring.mail.host",
                "localhost",
                "spring.mail.port",
                smtp.getSmtp().getPort());
    }

    /** The subjects of the e-mails received by any of {@code addresses}. */
    List<String> mailsTo(String... addresses) {
        var wanted = Set.of(addresses);
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> wanted.contains(recipient(m)))
                .map(RunningSystem::subject)
                .toList();
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        services.close();
        smtp.stop();
        social.close();
    }
}
