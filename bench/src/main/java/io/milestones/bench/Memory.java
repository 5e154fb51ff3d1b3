package io.milestones.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Heap use as the JVM's memory pools see it. */
public final class Memory {

    private Memory() {}

    /** Resets the peak of every heap pool, so {@link #peakHeapBytes()} measures from now. */
    public static void resetPeak() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the last {@link #resetPeak()}. */
    public static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    /** Heap in use after a full collection. */
    public static long usedHeapAfterGc() {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** {@code 123.4 MB}. */
    public static String mb(long bytes) {
        return Report.decimal(bytes / 1e6) + " MB";
    }
}
