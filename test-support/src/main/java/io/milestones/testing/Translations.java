package io.milestones.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fails a test when a supported language would fall back to English: every key of a bundle's base
 * file ({@code i18n/milestone-stats.properties}, English) must have its own non-blank text in the
 * file of each other language ({@code i18n/milestone-stats_it.properties}).
 */
public final class Translations {

    /** The languages of the community's e-mails, posts and pages. */
    public static final List<String> SUPPORTED = List.of("en", "it", "fr", "de", "es", "pl");

    private Translations() {}

    /**
     * @param basename the bundle's classpath base name, e.g. {@code i18n/milestone-stats}
     * @param languages the languages to check; {@code en} is the base itself and skipped
     */
    public static void assertComplete(String basename, List<String> languages) {
        Properties base = load(basename + ".properties");
        if (base.isEmpty()) {
            throw new AssertionError(basename + ".properties has no keys");
        }
        for (String language : languages) {
            if (language.equals("en")) {
                continue;
            }
            Properties translated = load(basename + "_" + language + ".properties");
            Set<String> missing = new TreeSet<>();
            for (String key : base.stringPropertyNames()) {
                String text = translated.getProperty(key);
                if (text == null || text.isBlank()) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                throw new AssertionError(
                        "keys of "
                                + basename
                                + " that fall back to English in '"
                                + language
                                + "': "
                                + missing);
            }
        }
    }

    /**
     * Fails when an HTML template under the classpath folder {@code folder} shows text of its own:
     * every visible text must come from a message ({@code th:text="#{...}"}) or the model, so that
     * no page reads in English in another language. Text inside an element whose content Thymeleaf
     * replaces ({@code th:text}, {@code th:utext}, {@code th:replace}, {@code th:insert}, {@code
     * th:remove}) is a prototype and not checked; comments, scripts and styles are skipped.
     *
     * @param folder e.g. {@code templates/milestone/stats}
     */
    public static void assertTemplatesUseMessages(String folder) {
        java.net.URL url = Thread.currentThread().getContextClassLoader().getResource(folder);
        if (url == null) {
            throw new AssertionError("no folder " + folder + " on the classpath");
        }
        Set<String> literal = new TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(url.toURI()))) {
            for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = java.nio.file.Files.readString(file);
                html = html.replaceAll("(?s)<!--.*?-->", "");
                html = html.replaceAll("(?s)<(script|style)\\b.*?</\\1>", "");
                var text =
                        java.util.regex.Pattern.compile(
                                        "<([a-zA-Z][\\w:-]*)([^>]*)>([^<]*\\p{L}[^<]*)<")
                                .matcher(html);
                while (text.find()) {
                    if (!text.group(2).matches("(?s).*th:(u?text|replace|insert|remove)\\b.*")) {
                        literal.add(
                                file.getFileName()
                                        + ": <"
                                        + text.group(1)
                                        + "> "
                                        + text.group(3).strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!literal.isEmpty()) {
            throw new AssertionError(
                    "text in templates of " + folder + " that no language translates: " + literal);
        }
    }

    /** Every key of {@code basename}, from its base (English) file. */
    public static Set<String> keys(String basename) {
        return new TreeSet<>(load(basename + ".properties").stringPropertyNames());
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no resource " + resource + " on the classpath");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
