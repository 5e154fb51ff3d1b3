package io.milestones.milestone.stats;

import io.milestones.milestone.stats.StatsSnapshot.ScopeStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map of the participating countries: shapes from Natural Earth 1:50m (public domain),
 * simplified and projected once by {@code ops/map/build-map.mjs} into {@code map/countries.json}
 * (about 18 KB, 7 KB gzipped), drawn as an inline SVG on the server — each participating country a
 * link shaded by its count, every other country plain land around them.
 */
@Component
class StatsMap {

    private static final Logger log = LoggerFactory.getLogger(StatsMap.class);
    static final String RESOURCE = "map/countries.json";

    private final Shapes shapes;
    private final List<String> participating;
    private final String land;

    StatsMap(JsonMapper json, StatsProperties properties) {
        this.shapes = load(json);
        Set<String> missing = new TreeSet<>(properties.countries());
        missing.removeAll(shapes.countries().keySet());
        if (!missing.isEmpty()) {
            // a community beyond the map's extent still gets its table and its country pages
            log.warn("No map shape for participating countries {}; they are not drawn", missing);
        }
        this.participating =
                properties.countries().stream()
                        .filter(shapes.countries()::containsKey)
                        .distinct()
                        .sorted()
                        .toList();
        this.land =
                shapes.countries().entrySet().stream()
                        .filter(e -> !participating.contains(e.getKey()))
                        .map(Map.Entry::getValue)
                        .collect(Collectors.joining());
    }

    /**
     * The map of a snapshot's counts.
     *
     * @param counted every counted country
     * @param highlight the country to mark ({@code /embed/map?country=IT}), or null
     * @param locale the visitor's language: the countries come in the order of their names, which
     *     is the order the keyboard visits them in
     */
    MapView view(List<ScopeStats> counted, String highlight, Locale locale) {
        Map<String, Long> counts =
                counted.stream()
                        .collect(Collectors.toMap(ScopeStats::key, ScopeStats::count, Long::sum));
        StatsFormat names = new StatsFormat(locale);
        Collator collator = Collator.getInstance(locale);
        List<MapCountry> countries = new ArrayList<>(participating.size());
        for (String code :
                participating.stream()
                        .sorted(Comparator.comparing(names::country, collator))
                        .toList()) {
            long count = counts.getOrDefault(code, 0L);
            List<Integer> dot = shapes.dots().get(code);
            countries.add(
                    new MapCountry(
                            code,
                            shapes.countries().get(code),
                            dot == null ? null : dot.get(0),
                            dot == null ? null : dot.get(1),
                            count,
                            MapShading.level(count),
                            code.equals(highlight)));
        }
        return new MapView(
                "0 0 " + shapes.width() + " " + shapes.height(),
                land,
                countries,
                MapShading.LEGEND);
    }

    private static Shapes load(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readValue(in, Shapes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** {@code map/countries.json}: SVG path data per ISO 3166-1 alpha-2 code. */
    record Shapes(
            String source,
            String projection,
            int width,
            int height,
            Map<String, String> countries,
            Map<String, List<Integer>> dots) {}

    /**
     * The map as the page draws it.
     *
     * @param viewBox the SVG's viewBox
     * @param land the countries that do not participate, as one path
     * @param countries the participating countries, by code
     * @param legend the shades, from none to the most
     */
    record MapView(
            String viewBox, String land, List<MapCountry> countries, List<MapShading> legend) {}

    /**
     * A participating country on the map.
     *
     * @param code ISO 3166-1 alpha-2
     * @param path SVG path data
     * @param dotX centre of the dot that marks a country too small to point at, or null
     * @param dotY its y
     * @param count registered teachers
     * @param level its shade, 0 (none) to 6
     * @param highlighted the country the widget was asked for
     */
    record MapCountry(
            String code,
            String path,
            Integer dotX,
            Integer dotY,
            long count,
            int level,
            boolean highlighted) {}
}
