package io.milestones.bench.b8;

import io.milestones.bench.Memory;
import io.milestones.bench.b1.StateDirs;
import java.nio.file.Path;

/**
 * Memory and disk at one moment: teachers in state, state.dir bytes, heap after a full GC, RSS.
 *
 * @param teachers teachers counted so far
 * @param seconds since the Streams app started
 */
record Sample(long teachers, double seconds, long stateBytes, long heapAfterGc, long rss) {

    static Sample take(long teachers, double seconds, Path stateDir) {
        long state = stateDir == null ? 0 : StateDirs.bytes(stateDir);
        long heap = Memory.usedHeapAfterGc();
        return new Sample(teachers, seconds, state, heap, ProcessMemory.rss());
    }
}
