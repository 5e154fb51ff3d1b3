package io.milestones.bench.b8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process as Linux reports it ({@code /proc/self/status}). */
final class ProcessMemory {

    private ProcessMemory() {}

    /** {@code VmRSS}: resident set size now, in bytes. */
    static long rss() {
        return status("VmRSS:");
    }

    /** {@code VmHWM}: the peak resident set size so far, in bytes. */
    static long peakRss() {
        return status("VmHWM:");
    }

    private static long status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith(field))
                    .map(l -> l.substring(field.length()).trim().split("\\s+")[0])
                    .mapToLong(kb -> Long.parseLong(kb) * 1024)
                    .findFirst()
                    .orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
