package io.milestones.notifier.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} on, for SMTP ({@code mail.smtp.socketFactory.class} in
 * notifier-service.yml). Jakarta Mail writes a message's last bytes and the terminating {@code
 * .CRLF} as small segments and then waits for the server's reply; with Nagle's algorithm on, the
 * kernel holds such a segment until the previous one is acknowledged, and the server delays that
 * acknowledgement (40 ms on Linux) — one stall per e-mail over a reused connection, which capped a
 * sender thread at about 20 e-mails per second (decision 0311). Angus Mail creates the socket
 * unconnected through {@link #createSocket()} and connects it itself with its own timeouts;
 * STARTTLS wraps this socket, so the option holds under TLS too.
 */
public final class NoDelaySocketFactory extends SocketFactory {

    private static final NoDelaySocketFactory DEFAULT = new NoDelaySocketFactory();

    /** What Angus Mail calls for a {@code socketFactory.class}. */
    public static SocketFactory getDefault() {
        return DEFAULT;
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
            throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(
            InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
