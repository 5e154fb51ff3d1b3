package io.milestones.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs benchmarks by id ({@code B1} … {@code B9}), prints each table and writes each section of
 * {@code docs/benchmarks.md}. The benchmark of id {@code Bn} is the class {@code
 * io.milestones.bench.bn.BnBenchmark}. Started by {@code ./bench.sh}, one JVM per benchmark.
 */
public final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    /** Where benchmarks print progress and results. */
    public static final PrintStream out = System.out;

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            out.println("usage: Bench B1 [B2 ...]   (see docs/benchmarks.md)");
            System.exit(2);
        }
        Path docs = Path.of(System.getProperty("bench.docs", "docs/benchmarks.md"));
        String machine = Machine.describe();
        List<String> failed = new ArrayList<>();
        for (String arg : args) {
            String id = arg.toUpperCase(Locale.ROOT);
            Benchmark benchmark = benchmark(id);
            out.printf("%n== %s: %s%n   %s%n", id, benchmark.title(), machine);
            long start = System.nanoTime();
            try {
                Report report = benchmark.run();
                String when =
                        ZonedDateTime.now(ZoneOffset.UTC)
                                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
                out.println();
                out.print(report.console());
                out.printf(
                        Locale.ROOT,
                        "   (%s took %.0f s; reproduce: %s)%n",
                        id,
                        (System.nanoTime() - start) / 1e9,
                        command(id));
                if (!Boolean.getBoolean("bench.dry")) {
                    BenchDoc.write(docs, id, report.markdown(command(id), machine, when));
                    out.println("   written to " + docs);
                }
            } catch (Exception e) {
                log.error("{} failed", id, e);
                failed.add(id);
            }
        }
        if (!failed.isEmpty()) {
            out.println("failed: " + failed);
            System.exit(1);
        }
        System.exit(0); // embedded brokers and pools must not keep the JVM alive
    }

    private static Benchmark benchmark(String id) throws ReflectiveOperationException {
        String name = "io.milestones.bench." + id.toLowerCase(Locale.ROOT) + "." + id + "Benchmark";
        try {
            return (Benchmark) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no benchmark " + id + " (expected " + name + ")");
        }
    }

    /** The command that reproduces a run: the script plus every -Dbench.* setting given. */
    static String command(String id) {
        var command = new StringBuilder();
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("bench.") && !k.equals("bench.docs"))
                .filter(k -> !k.equals("bench.dry"))
                .sorted()
                .forEach(
                        k ->
                                command.append("-D")
                                        .append(k)
                                        .append('=')
                                        .append(System.getProperty(k))
                                        .append(' '));
        return command.isEmpty()
                ? "./bench.sh " + id
                : "BENCH_OPTS=\"" + command.toString().strip() + "\" ./bench.sh " + id;
    }

    /** A {@code -Dbench.<name>} integer setting, e.g. the number of records. */
    public static int setting(String name, int defaultValue) {
        return Integer.getInteger("bench." + name, defaultValue);
    }
}
