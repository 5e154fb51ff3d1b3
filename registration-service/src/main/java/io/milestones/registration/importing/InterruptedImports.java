package io.milestones.registration.importing;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the API takes requests, fails the jobs a previous process left queued or
 * running: their spooled file went with that process, so nobody will finish them. The reason tells
 * where the job was (the row of its last saved progress) and that re-submitting the file is safe.
 *
 * <p>Several instances on one database: one that starts while another imports fails that import
 * too, but only until the importing instance's next progress save, which writes its true state
 * again.
 */
@Component
class InterruptedImports implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final ImportJobRows rows;
    private final Clock clock;

    InterruptedImports(ImportJobRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        Instant now = clock.instant();
        for (ImportJobRows.Unfinished job : rows.unfinished()) {
            if (rows.fail(job.id(), reason(job), now)) {
                log.warn(
                        "Import {} was {} when the service stopped; marked failed",
                        job.id(),
                        job.status());
            }
        }
    }

    /** Why the job failed, as its resource shows it. */
    static String reason(ImportJobRows.Unfinished job) {
        if (job.status() == ImportJob.Status.QUEUED) {
            return "interrupted by a restart before it started; re-submit the file";
        }
        return reason("a restart", job.read());
    }

    /**
     * Why a job cut off at a row failed.
     *
     * @param by what cut it off, e.g. "a restart"
     */
    static String reason(String by, long row) {
        return "interrupted by "
                + by
                + " at row "
                + row
                + "; re-submit the file — rows already imported are recognised as duplicates and"
                + " skipped";
    }
}
