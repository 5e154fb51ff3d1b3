package io.milestones.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDocTest {

    @TempDir Path dir;

    @Test
    void shouldReplaceOnlyTheBenchmarksOwnSection() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(
                doc,
                "# Benchmarks\n\n<!-- B1 -->\nold one\n<!-- /B1 -->\n\n<!-- B2 -->\nold two\n<!-- /B2 -->\n");

        BenchDoc.write(doc, "B2", "new two\n");

        assertThat(Files.readString(doc))
                .contains("<!-- B1 -->\nold one\n<!-- /B1 -->")
                .contains("<!-- B2 -->\nnew two\n<!-- /B2 -->")
                .doesNotContain("old two");
    }

    @Test
    void shouldAppendASectionThatHasNoMarkersYet() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\n");

        BenchDoc.write(doc, "B5", "five\n");

        assertThat(Files.readString(doc)).endsWith("<!-- B5 -->\nfive\n<!-- /B5 -->\n");
    }

    @Test
    void shouldRenderTheTableWithRightAlignedNumbers() {
        Benchmark benchmark =
                new Benchmark() {
                    public String id() {
                        return "B9";
                    }

                    public String title() {
                        return "a title";
                    }

                    public Report run() {
                        return null;
                    }
                };
        String md =
                new Report(benchmark)
                        .columns("variant", "events/s")
                        .row("raw", Report.number(12345.6))
                        .note("finding")
                        .markdown("./bench.sh B9", "a machine", "today");

        assertThat(md)
                .startsWith("## B9 — a title")
                .contains("| variant | events/s |\n| --- | ---: |\n| raw | 12,346 |")
                .contains("./bench.sh B9")
                .endsWith("finding\n");
    }
}
