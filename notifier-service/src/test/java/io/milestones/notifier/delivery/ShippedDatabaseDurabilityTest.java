package io.milestones.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.testing.H2KillCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The default database of {@code notifier-service.yml} keeps every committed row when the process
 * that wrote it is killed (SIGKILL) right after the commits returned: its H2 URL, as shipped, in a
 * child JVM.
 */
class ShippedDatabaseDurabilityTest {

    @TempDir Path workDir;

    @Test
    void shouldKeepEveryCommittedRowWhenTheWriterIsKilledRightAfterItsCommits() throws Exception {
        var settings = new YamlPropertiesFactoryBean();
        settings.setResources(new ClassPathResource("notifier-service.yml"));
        String url = settings.getObject().getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:./");

        assertThat(H2KillCheck.survivingRows(url, workDir, 200)).isEqualTo(200);
    }
}
