package io.milestones.notifier.delivery;

import io.milestones.support.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SENT marks appended to files (decision 0314): one file per sender thread, one line per mark — the
 * channel, the SHA-256 of the address (never the address), the time, the milestone — written with
 * one {@code write} call before the thread sends anything else, and emptied when the thread has
 * folded its marks into the deliveries table. A write that returned is in the operating system's
 * page cache and survives a kill of the process, as an H2 commit does (H2 forces its file to the
 * disk only when it closes); neither survives a power failure.
 *
 * <p>Each file is locked by the run that writes it; {@link #takeLeftOver} reads only files no live
 * run holds, those of a run that died.
 */
final class MarkJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MarkJournal.class);

    static final String SUFFIX = ".sent-marks";

    /**
     * The files this JVM's live runs write: never opened by a look for left-overs, since closing
     * any channel of a file may release the JVM's lock on it (FileLock's javadoc).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final ThreadLocal<Writer> writers = ThreadLocal.withInitial(this::newWriter);
    private final List<Writer> open = new CopyOnWriteArrayList<>();

    MarkJournal(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            // at start, not after the first e-mail: a mark that cannot be written after the
            // server's 250 sends that e-mail again
            Files.delete(Files.createTempFile(dir, "probe-", ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the SENT-mark journal in "
                            + dir.toAbsolutePath()
                            + " (milestones.delivery.sent-marks-journal-dir): "
                            + e,
                    e);
        }
    }

    Path dir() {
        return dir;
    }

    /** One mark as the journal holds it: the address only as its SHA-256, in hex. */
    record Entry(String milestoneId, Channel channel, String addressHash, Timestamp at) {}

    /** Appends this thread's mark; returns once the line is written. */
    void append(Deliveries.Key key, Timestamp at) {
        String line =
                key.channel().name()
                        + '\t'
                        + sha256(key.recipient())
                        + '\t'
                        + at.getTime()
                        + '\t'
                        + key.milestoneId().replace('\n', ' ')
                        + '\n';
        writers.get().write(line.getBytes(StandardCharsets.UTF_8));
    }

    /** This thread's marks are folded: its file starts empty again. */
    void folded() {
        writers.get().truncate();
    }

    /**
     * The marks of runs that died before folding them — the files in the directory that no live run
     * holds — with the files to delete once they are folded.
     */
    LeftOver takeLeftOver() {
        List<Entry> entries = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : stream) {
                if (!HELD.contains(key(file)) && readIfAbandoned(file, entries)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SENT-mark journal " + dir, e);
        }
        return new LeftOver(entries, files);
    }

    /** What a dead run left: its marks, and its files, deleted once the marks are folded. */
    record LeftOver(List<Entry> entries, List<Path> files) {
        void discard() {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn(
                            "Could not delete the folded SENT-mark journal {}: {}",
                            file,
                            e.toString());
                }
            }
        }
    }

    private static boolean readIfAbandoned(Path file, List<Entry> into) throws IOException {
        try (FileChannel channel =
                FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                return false;
            }
            if (lock == null) {
                return false; // a live run in another process writes it
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int start = 0;
            for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
                // a line cut short by the kill has no newline: that mark was never made
                String[] f = text.substring(start, end).split("\t", 4);
                start = end + 1;
                if (f.length == 4) {
                    into.add(
                            new Entry(
                                    f[3],
                                    Channel.valueOf(f[0]),
                                    f[1],
                                    new Timestamp(Long.parseLong(f[2]))));
                }
            }
            return true;
        }
    }

    /** Stops this run's writers and deletes their files, which are empty after the last fold. */
    @Override
    public void close() {
        for (Writer writer : open) {
            writer.close(true);
        }
        open.clear();
    }

    /** Test seam: stops the writers as a killed process would, the files left as they are. */
    void abandon() {
        for (Writer writer : open) {
            writer.close(false);
        }
        open.clear();
    }

    static String sha256(String address) {
        return Sha256.hex(address);
    }

    /** One spelling per file, whichever way the directory was named ("./data" or "data"). */
    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private Writer newWriter() {
        Path file = dir.resolve(UUID.randomUUID() + SUFFIX);
        try {
            FileChannel channel =
                    FileChannel.open(
                            file,
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
            Writer writer = new Writer(file, channel, channel.lock());
            HELD.add(key(file));
            open.add(writer);
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a SENT-mark journal in " + dir, e);
        }
    }

    /** One thread's file, locked while the run lives. */
    private static final class Writer {

        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;
        private long position;

        Writer(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        void write(byte[] line) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            try {
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a SENT mark to " + file, e);
            }
        }

        void truncate() {
            try {
                channel.truncate(0);
                position = 0;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty the SENT-mark journal " + file, e);
            }
        }

        void close(boolean delete) {
            try {
                boolean empty = channel.size() == 0;
                lock.release();
                channel.close();
                HELD.remove(key(file));
                if (delete && empty) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                log.warn("Could not close the SENT-mark journal {}: {}", file, e.toString());
            }
        }
    }
}
