package io.milestones.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark found: a results table, the setup, notes (the bottleneck named where a stage is
 * far below its reference), rendered as a Markdown section and as console text.
 */
public final class Report {

    private final String id;
    private final String title;
    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> setup = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(Benchmark benchmark) {
        this.id = benchmark.id();
        this.title = benchmark.title();
    }

    /** Column names of the results table; the first column names the variant. */
    public Report columns(String... names) {
        header.clear();
        header.addAll(List.of(names));
        return this;
    }

    /** One row of the results table, cells already formatted (see {@link #number}). */
    public Report row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    /** A line describing the setup: data size, partitions, settings. */
    public Report setup(String line) {
        setup.add(line);
        return this;
    }

    /** A finding: ratio to the reference, the bottleneck, a caveat. */
    public Report note(String line) {
        notes.add(line);
        return this;
    }

    public String id() {
        return id;
    }

    /** {@code 12,345} (whole numbers with grouping). */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** {@code 12.3} (one decimal). */
    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /** {@code 0.42×} the ratio of a measurement to its reference. */
    public static String ratio(double value, double reference) {
        return String.format(Locale.ROOT, "%.2f×", value / reference);
    }

    /** The section of docs/benchmarks.md, without its markers. */
    public String markdown(String command, String machine, String when) {
        var md = new StringBuilder();
        md.append("## ").append(id).append(" — ").append(title).append("\n\n");
        md.append("Measured ").append(when).append(" on ").append(machine).append(".\n\n");
        md.append("```bash\n").append(command).append("\n```\n\n");
        for (String line : setup) {
            md.append("- ").append(line).append('\n');
        }
        if (!setup.isEmpty()) {
            md.append('\n');
        }
        if (!header.isEmpty()) {
            md.append("| ").append(String.join(" | ", header)).append(" |\n|");
            for (int i = 0; i < header.size(); i++) {
                md.append(i == 0 ? " --- |" : " ---: |");
            }
            md.append('\n');
            for (List<String> row : rows) {
                md.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            md.append('\n');
        }
        for (String note : notes) {
            md.append(note).append("\n\n");
        }
        return md.toString().stripTrailing() + "\n";
    }

    /** The results table as aligned console text. */
    public String console() {
        var text = new StringBuilder(id + "  " + title + "\n");
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                String cell = row.get(i);
                text.append(
                        i == 0
                                ? String.format("  %-" + widths[i] + "s", cell)
                                : String.format("  %" + widths[i] + "s", cell));
            }
            text.append('\n');
        }
        notes.forEach(n -> text.append("  ").append(n).append('\n'));
        return text.toString();
    }
}
