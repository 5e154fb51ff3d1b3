package io.milestones.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code ./local-stack.sh --help} tells every option the launcher accepts, from one text. */
class LocalStackUsageTest {

    @Test
    @DisplayName("./local-stack.sh --help prints the launcher's usage, before anything is built")
    void shouldPrintTheLaunchersUsage() throws Exception {
        var process =
                new ProcessBuilder("bash", "local-stack.sh", "--help")
                        .directory(Path.of("..").toFile())
                        .redirectErrorStream(true)
                        .start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String printed =
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isZero();
        assertThat(printed).isEqualTo(LocalStackOptions.USAGE);
    }

    @Test
    @DisplayName("the usage names every option the launcher parses, and -D overrides")
    void shouldNameEveryOption() throws Exception {
        String source =
                Files.readString(
                        Path.of("src/main/java/io/milestones/localstack/LocalStackOptions.java"));
        var parsed =
                Pattern.compile("case \"(--[a-z-]+)\"")
                        .matcher(source)
                        .results()
                        .map(m -> m.group(1))
                        .toList();

        assertThat(parsed).hasSizeGreaterThan(8);
        assertThat(parsed)
                .allSatisfy(option -> assertThat(LocalStackOptions.USAGE).contains(option));
        assertThat(LocalStackOptions.USAGE).contains("--help").contains("-Dname=value");
        // each port option is documented with the default the launcher uses
        var defaults = LocalStackOptions.parse(List.of());
        assertThat(LocalStackOptions.USAGE)
                .contains("--kafka-port=" + defaults.kafkaPort())
                .contains("--smtp-port=" + defaults.smtpPort())
                .contains("--inbox-port=" + defaults.inboxPort())
                .contains("--registration-port=" + defaults.registrationPort())
                .contains("--milestone-port=" + defaults.milestonePort())
                .contains("--notifier-port=" + defaults.notifierPort())
                .contains("--ops-port=" + defaults.opsPort())
                .contains("--chain-port=" + defaults.chainPort());
    }
}
