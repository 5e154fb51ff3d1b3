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
        int opsPort) {

    static final String USAGE =
            """
            Usage: ./local-stack.sh [--demo] [--fresh] [--kafka-port=9092] [--smtp-port=1025] [--inbox-port=8025]
                                    [--social-port=8026] [--registration-port=8081] [--milestone-port=8082]
                                    [--notifier-port=8083] [--ops-port=8084]
              --demo   simulate teachers registering until the first milestones fire; watch them
                       on the statistics page, http://localhost:8082/
              --fresh  forget earlier runs: delete .local-stack/ (broker data, counting state)
              --social-port  the social sink: Mastodon, Bluesky, X, Facebook, Instagram and
                       LinkedIn answered on one local port; the social log shows what each received
            The controller listens on the Kafka port + 1.
            Any service setting can be overridden with -Dname=value before -jar, e.g.
              -Dmilestones.rules.global.thresholds=10,50,100
            """;

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
                ops = 8084;
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
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new LocalStackOptions(
                demo, fresh, kafka, smtp, inbox, social, registration, milestone, notifier, ops);
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
