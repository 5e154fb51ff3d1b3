package io.milestones.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A real SMTP server (RFC 5321, the commands JavaMail uses) that answers each {@code RCPT TO} with
 * the reply code a rule picks for the address: 250 to accept, 550 for an address that does not
 * exist, 451 for "try later". It counts every {@code RCPT TO} per address, so a test can tell which
 * addresses were attempted at all, and keeps the messages it accepted with their envelope.
 * GreenMail accepts every recipient, which is why this exists (no SubethaSMTP on the classpath).
 */
public final class RejectingSmtpServer implements AutoCloseable {

    /** A message accepted at {@code DATA}: its envelope sender, recipients and raw text. */
    public record Received(String returnPath, List<String> recipients, String data) {}

    private final ServerSocket socket;
    private final Function<String, String> reply;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong accepted =
            new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean keepMessages = true;

    /**
     * @param rule the reply code for a recipient address (lower case): 250, 4xx or 5xx
     */
    public RejectingSmtpServer(ToIntFunction<String> rule) {
        this(
                address -> {
                    int code = rule.applyAsInt(address);
                    return code < 300
                            ? "250 2.1.5 OK"
                            : code < 500
                                    ? code + " 4.2.0 <" + address + ">: try again later"
                                    : code + " 5.1.1 <" + address + ">: no such user";
                },
                true);
    }

    /**
     * A server whose reply to each {@code RCPT TO} is the whole line {@code reply} gives for the
     * address (lower case), e.g. {@code "451 4.7.0 try again later"}; a 2xx accepts it.
     */
    public static RejectingSmtpServer replying(Function<String, String> reply) {
        return new RejectingSmtpServer(reply, true);
    }

    private RejectingSmtpServer(Function<String, String> reply, boolean wholeLines) {
        this.reply = reply; // wholeLines only tells this constructor from the public one
        try {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many times {@code RCPT TO} named {@code address}, accepted or not. */
    public int attempts(String address) {
        AtomicInteger count = attempts.get(address.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    /**
     * Keeps no accepted message, only their number ({@link #accepted()}): for benchmarks that send
     * hundreds of thousands of 40 KB e-mails, which {@link #received()} would hold in memory (and
     * copy on every add).
     */
    public RejectingSmtpServer discardingMessages() {
        keepMessages = false;
        return this;
    }

    /** Messages accepted at {@code DATA}, kept or not. */
    public long accepted() {
        return accepted.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Messages accepted for {@code address}. */
    public long receivedBy(String address) {
        return received.stream().filter(m -> m.recipients().contains(address)).count();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.execute(() -> converse(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                var in =
                        new BufferedReader(
                                new InputStreamReader(
                                        client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 localhost ESMTP rejecting test server");
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line : line.substring(0, 4);
                switch (command.toUpperCase(Locale.ROOT)) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250 8BITMIME");
                    case "HELO", "NOOP" -> reply(out, "250 OK");
                    case "RSET" -> {
                        from = null;
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "MAIL" -> {
                        from = address(line);
                        to.clear();
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        String recipient = address(line).toLowerCase(Locale.ROOT);
                        attempts.computeIfAbsent(recipient, a -> new AtomicInteger())
                                .incrementAndGet();
                        String answer = reply.apply(recipient);
                        if (answer.startsWith("2")) {
                            to.add(recipient);
                        }
                        reply(out, answer);
                    }
                    case "DATA" -> {
                        if (to.isEmpty()) {
                            reply(out, "554 5.5.1 no valid recipients");
                            continue;
                        }
                        reply(out, "354 end data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        String body;
                        while ((body = in.readLine()) != null && !body.equals(".")) {
                            if (keepMessages) {
                                data.append(body.startsWith(".") ? body.substring(1) : body)
                                        .append("\r\n");
                            }
                        }
                        accepted.incrementAndGet();
                        if (keepMessages) {
                            received.add(new Received(from, List.copyOf(to), data.toString()));
                        }
                        to.clear();
                        reply(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 command not implemented");
                }
            }
        } catch (SocketException closed) {
            // the client or close() hung up
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open < 0 || close < 0 ? "" : line.substring(open + 1, close);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
