package io.milestones.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metric names in the PromQL of the provisioned dashboards and alert rules. */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern SELECTOR_OR_RANGE = Pattern.compile("\\{[^}]*}|\\[[^\\]]*\\]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern ALERT_EXPR = Pattern.compile("(?m)^\\s*expr:\\s*(.+)$");
    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "unless", "offset", "bool", "inf", "nan", "e");

    private PromQl() {}

    /**
     * Every {@code expr} of the Grafana dashboards (JSON) and Prometheus rules (YAML) under dir.
     */
    static List<String> expressionsUnder(Path dir) throws IOException {
        var expressions = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString();
                if (name.contains("node_modules")) {
                    continue;
                }
                if (name.endsWith(".json") && name.contains("dashboards")) {
                    collect(JsonMapper.builder().build().readTree(file.toFile()), expressions);
                } else if (name.endsWith("alerts.yml")) {
                    Matcher m = ALERT_EXPR.matcher(Files.readString(file));
                    while (m.find()) {
                        expressions.add(m.group(1).trim());
                    }
                }
            }
        }
        return expressions;
    }

    private static void collect(JsonNode node, List<String> into) {
        if (node.isObject() && node.has("expr")) {
            into.add(node.get("expr").asString());
        }
        node.forEach(child -> collect(child, into));
    }

    /**
     * The metric names one expression reads: identifiers that are no function, label or keyword.
     */
    static Set<String> metricNames(String expression) {
        String bare = STRING.matcher(expression).replaceAll(" ");
        bare = SELECTOR_OR_RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        var names = new LinkedHashSet<String>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String rest = bare.substring(m.end()).stripLeading();
            boolean function = rest.startsWith("(");
            if (!function && !KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The metric names in a Prometheus text exposition. */
    static Set<String> exposedNames(String exposition) {
        var names = new LinkedHashSet<String>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = IDENTIFIER.matcher(line);
            if (m.lookingAt()) {
                names.add(m.group());
            }
        }
        return names;
    }
}
