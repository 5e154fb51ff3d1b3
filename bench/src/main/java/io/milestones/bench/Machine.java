package io.milestones.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a benchmark ran on, in one line for the report. */
public final class Machine {

    private Machine() {}

    /** e.g. {@code 2 vCPUs (AMD EPYC 7B13), 23 GB RAM, Linux amd64, Java 17.0.15, load 1.2}. */
    public static String describe() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long ram = 0;
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            ram = sun.getTotalMemorySize();
        }
        return String.format(
                Locale.ROOT,
                "%d vCPUs (%s), %d GB RAM, %s %s, Java %s, load average %.1f at the start",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                Math.round(ram / 1e9),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                os.getSystemLoadAverage());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
