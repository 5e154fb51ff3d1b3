package io.milestones.milestone.stats;

import java.util.List;

/**
 * The shades of the map: one per power of ten (1–9, 10–99, … 100,000 or more), none for a country
 * without teachers yet. Fixed steps keep the legend still while the counts grow and read the same
 * on every page; {@code static/stats/map.js} computes the same level in the browser.
 *
 * @param level 0 to {@link #TOP}
 * @param from the least count of the shade
 * @param to the most, or null for the top shade
 */
record MapShading(int level, long from, Long to) {

    static final int TOP = 6;

    static final List<MapShading> LEGEND = legend();

    /** 0 for no teachers, 1 for 1–9, 2 for 10–99 … 6 for 100,000 or more. */
    static int level(long count) {
        if (count <= 0) {
            return 0;
        }
        return Math.min(TOP, String.valueOf(count).length());
    }

    private static List<MapShading> legend() {
        var legend = new java.util.ArrayList<MapShading>();
        legend.add(new MapShading(0, 0, 0L));
        long from = 1;
        for (int level = 1; level <= TOP; level++) {
            legend.add(new MapShading(level, from, level == TOP ? null : from * 10 - 1));
            from *= 10;
        }
        return List.copyOf(legend);
    }
}
