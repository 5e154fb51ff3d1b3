package io.milestones.milestone.stats;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public statistics pages, rendered on the server from the snapshot (they work without
 * JavaScript); a small script then keeps them live. In the visitor's language.
 */
@Controller
class StatsPageController {

    private static final String SELF_ONLY =
            "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

    private final StatsSnapshots snapshots;
    private final StatsViews views;
    private final StatsProperties properties;
    private final StatsMap map;
    private final ChainPanelProperties chain;

    StatsPageController(
            StatsSnapshots snapshots,
            StatsViews views,
            StatsProperties properties,
            StatsMap map,
            ObjectProvider<ChainPanelProperties> chain) {
        this.snapshots = snapshots;
        this.views = views;
        this.properties = properties;
        this.map = map;
        this.chain = chain.getIfAvailable();
    }

    /** The global count, the next milestone, every country, the recent milestones. */
    @GetMapping("/")
    String community(Model model, Locale locale, HttpServletResponse response) {
        page(model, locale, response, "frame-ancestors 'self'");
        var stats = views.community(snapshots.current());
        model.addAttribute("stats", stats);
        model.addAttribute("map", map.view(stats.countries(), null, locale));
        var panel = chain == null ? null : chain.panel();
        model.addAttribute("chain", panel);
        if (panel != null) {
            // the chain panel reads chain-service from the browser
            response.setHeader(
                    "Content-Security-Policy",
                    SELF_ONLY
                            + "; connect-src 'self' "
                            + chain.origin()
                            + "; frame-ancestors 'self'");
        }
        return "milestone/stats/community";
    }

    /** One country's page: {@code /countries/IT}. */
    @GetMapping("/countries/{code}")
    ModelAndView country(
            @PathVariable String code, Model model, Locale locale, HttpServletResponse response) {
        page(model, locale, response, "frame-ancestors 'self'");
        Optional<String> country = StatsViews.countryCode(code);
        if (country.isEmpty()) {
            model.addAttribute("code", code);
            return new ModelAndView(
                    "milestone/stats/not-found", model.asMap(), HttpStatus.NOT_FOUND);
        }
        model.addAttribute("stats", views.country(snapshots.current(), country.get()));
        return new ModelAndView("milestone/stats/country", model.asMap());
    }

    /**
     * The counter widget for an iframe on the platform's pages ({@code ?country=IT} for one
     * country); with {@code /embed/chart} and {@code /embed/map}, the pages that other sites may
     * frame.
     */
    @GetMapping("/embed/counter")
    ModelAndView counter(
            @RequestParam(required = false) String country,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        page(model, locale, response, "frame-ancestors " + frameAncestors());
        if (country == null || country.isBlank()) {
            model.addAttribute("scope", views.community(snapshots.current()).global());
        } else {
            String code = PublicStatsController.country(country, "country");
            model.addAttribute("country", code);
            model.addAttribute("scope", views.country(snapshots.current(), code).country());
        }
        return new ModelAndView("milestone/stats/embed", model.asMap());
    }

    /**
     * The growth chart widget for an iframe ({@code ?country=IT} for one country, {@code
     * ?lang=it}): the curve, its milestones, the table toggle and the CSV link, live.
     */
    @GetMapping("/embed/chart")
    ModelAndView chart(
            @RequestParam(required = false) String country,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        page(model, locale, response, "frame-ancestors " + frameAncestors());
        model.addAttribute(
                "country",
                country == null || country.isBlank()
                        ? null
                        : PublicStatsController.country(country, "country"));
        return new ModelAndView("milestone/stats/embed-chart", model.asMap());
    }

    /**
     * The map widget for an iframe: every participating country shaded by its count, each linking
     * to its page; {@code ?country=IT} marks one country, {@code ?lang=it} as everywhere.
     */
    @GetMapping("/embed/map")
    ModelAndView map(
            @RequestParam(required = false) String country,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        page(model, locale, response, "frame-ancestors " + frameAncestors());
        String code =
                country == null || country.isBlank()
                        ? null
                        : PublicStatsController.country(country, "country");
        model.addAttribute("country", code);
        model.addAttribute(
                "map", map.view(views.community(snapshots.current()).countries(), code, locale));
        return new ModelAndView("milestone/stats/embed-map", model.asMap());
    }

    private void page(
            Model model, Locale locale, HttpServletResponse response, String frameAncestors) {
        model.addAttribute("fmt", new StatsFormat(locale));
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute(
                "languages",
                StatsLocales.SUPPORTED.stream()
                        .map(
                                l ->
                                        new Language(
                                                l.getLanguage(),
                                                StatsFormat.endonym(l),
                                                l.getLanguage().equals(locale.getLanguage())))
                        .toList());
        model.addAttribute("community", properties.community());
        response.setHeader(
                HttpHeaders.CACHE_CONTROL,
                CacheControl.maxAge(properties.cacheMaxAge()).cachePublic().getHeaderValue());
        // The page's language comes from these: shared caches must keep one copy per language.
        response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        response.setHeader("Content-Security-Policy", SELF_ONLY + "; " + frameAncestors);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    private String frameAncestors() {
        return String.join(" ", properties.allowedOrigins());
    }

    /**
     * A language of the switch.
     *
     * @param tag {@code it}
     * @param name its name in itself, {@code Italiano}
     * @param current whether the page is in it
     */
    record Language(String tag, String name, boolean current) {}
}
