package io.milestones.localstack;

import java.util.List;

/**
 * Command-line options of the local stack.
 *
 * @param demo simulate registrations until the first milestones fire
 * @param fresh delete the data of earlier runs (broker logs, counting state) before starting
 * @param kafkaPort the broker's port
 * @param smtpPort the SMTP sink's port
 * @param inboxPort the web inbox's port
 * @param socialPort the social sink's port: the six networks' APIs and the social log
 * @param registrationPort registration-service's HTTP port
 * @param milestonePort milestone-service's HTTP port
 * @param notifierPort notifier-service's HTTP port
 * @param opsPort ops-console's HTTP port
 * @param chainPort chain-service's HTTP port
 */
record LocalStackOptions(
        boolean demo,
        boolean fresh,
        int kafkaPort,
        int smtpPort,
        int inboxPort,
        int socialPort,
        int registrationPort,
        int milestonePort,
        int notifierPort,
        int opsPort,
        int chainPort) {

    /**
     * The one description of the options, printed by {@code ./local-stack.sh --help} (which reads
     * the same file before anything is built) and after a wrong option.
     */
    static final String USAGE = usage();

    static LocalStackOptions parse(List<String> args) {
        boolean demo = false;
        boolean fresh = false;
        int kafka = 9092,
                smtp = 1025,
                inbox = 8025,
                social = 8026,
                registration = 8081,
                milestone = 8082,
                notifier = 8083,
                ops = 8084,
                chain = 8085;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--demo" -> demo = true;
                case "--fresh" -> fresh = true;
                case "--kafka-port" -> kafka = port(name, value);
                case "--smtp-port" -> smtp = port(name, value);
                case "--inbox-port" -> inbox = port(name, value);
                case "--social-port" -> social = port(name, value);
                case "--registration-port" -> registration = port(name, value);
                case "--milestone-port" -> milestone = port(name, value);
                case "--notifier-port" -> notifier = port(name, value);
                case "--ops-port" -> ops = port(name, value);
                case "--chain-port" -> chain = port(name, value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new LocalStackOptions(
                demo,
                fresh,
                kafka,
                smtp,
                inbox,
                social,
                registration,
                milestone,
                notifier,
                ops,
                chain);
    }

    private static String usage() {
        try (var in = LocalStackOptions.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("usage.txt missing from the local stack", e);
        }
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a port number, got '" + value + "'");
        }
    }
}
