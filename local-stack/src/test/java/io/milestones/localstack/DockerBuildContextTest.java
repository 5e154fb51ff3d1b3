package io.milestones.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Images built by the Dockerfile carry git data in {@code /actuator/info}: the build stage gets the
 * repository's {@code .git}, which git-commit-id reads into {@code git.properties}.
 */
class DockerBuildContextTest {

    static final Path ROOT = Path.of("..");

    @Test
    @DisplayName("the Docker build context keeps .git and the build stage copies it")
    void shouldGiveTheBuildStageTheRepositoryHistory() throws Exception {
        List<String> ignored =
                Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .toList();
        for (String pattern : ignored) {
            PathMatcher matcher = ROOT.getFileSystem().getPathMatcher("glob:" + pattern);
            assertThat(matcher.matches(Path.of(".git")))
                    .as(".dockerignore pattern " + pattern + " excludes .git")
                    .isFalse();
            assertThat(matcher.matches(Path.of(".git/HEAD")))
                    .as(".dockerignore pattern " + pattern + " excludes .git/HEAD")
                    .isFalse();
        }

        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        int copy = dockerfile.indexOf("\nCOPY .git .git\n");
        assertThat(copy).as("the build stage copies .git").isPositive();
        assertThat(copy)
                .as(".git is copied before the build runs, in the build stage")
                .isLessThan(dockerfile.indexOf("./mvnw"))
                .isLessThan(dockerfile.indexOf("FROM eclipse-temurin:17-jre"));
    }
}
