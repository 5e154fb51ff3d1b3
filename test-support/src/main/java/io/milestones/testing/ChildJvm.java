package io.milestones.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A main class started in a JVM of its own, with the test's class path, so that a test can kill it
 * for real ({@link Process#destroyForcibly()} is SIGKILL: no shutdown hook, nothing flushed).
 */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * Starts {@code main} with {@code args} in {@code workDir} (so relative paths of the shipped
     * settings, such as {@code ./data/...}, land there), its output written to {@code log}.
     */
    public static Process start(Class<?> main, Path workDir, Path log, List<String> args)
            throws IOException {
        return command(main, workDir, args).redirectOutput(log.toFile()).start();
    }

    /** The process to start, its output not redirected yet (read it through the process). */
    public static ProcessBuilder command(Class<?> main, Path workDir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of("-cp", classPath(), main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    }

    /**
     * Surefire and Failsafe may run the test JVM from a manifest-only jar; this is the real one.
     */
    private static String classPath() {
        String classpath = System.getProperty("surefire.test.class.path");
        if (classpath == null || classpath.isBlank()) {
            classpath = System.getProperty("java.class.path");
        }
        return classpath;
    }
}
