package io.milestones.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces one benchmark's section of docs/benchmarks.md: the text between {@code <!-- B1 -->} and
 * {@code <!-- /B1 -->}. A section without markers yet is appended at the end.
 */
final class BenchDoc {

    private BenchDoc() {}

    static void write(Path doc, String id, String section) throws IOException {
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        String open = "<!-- " + id + " -->";
        String close = "<!-- /" + id + " -->";
        int from = text.indexOf(open);
        int to = text.indexOf(close);
        String replaced;
        if (from >= 0 && to > from) {
            replaced =
                    text.substring(0, from + open.length()) + "\n" + section + text.substring(to);
        } else {
            replaced = text.stripTrailing() + "\n\n" + open + "\n" + section + close + "\n";
        }
        Files.writeString(doc, replaced, StandardCharsets.UTF_8);
    }
}
