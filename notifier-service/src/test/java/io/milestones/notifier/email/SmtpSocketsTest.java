package io.milestones.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;
import org.eclipse.angus.mail.util.SocketFetcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The SMTP connections of the shipped configuration have Nagle's algorithm off (decision 0311): the
 * {@code spring.mail.properties} of {@code notifier-service.yml}, as Spring hands them to the mail
 * session, through Angus Mail's own socket fetcher (what {@code Transport.connect} uses).
 */
class SmtpSocketsTest {

    @Test
    void shouldOpenSmtpConnectionsWithTcpNoDelayAsShipped() throws Exception {
        Properties session = shippedMailSessionProperties();

        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket =
                        SocketFetcher.getSocket(
                                "127.0.0.1", server.getLocalPort(), session, "mail.smtp", false)) {
            assertThat(socket.isConnected()).isTrue();
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    private static Properties shippedMailSessionProperties() {
        var yml = new YamlPropertiesFactoryBean();
        yml.setResources(new ClassPathResource("notifier-service.yml"));
        Properties all = yml.getObject();
        Properties session = new Properties();
        String prefix = "spring.mail.properties.";
        all.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix))
                .forEach(
                        name ->
                                session.setProperty(
                                        name.substring(prefix.length()),
                                        String.valueOf(all.get(name))));
        return session;
    }
}
