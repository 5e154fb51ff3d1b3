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
