package io.milestones.registration.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The job resource of an import.
 *
 * @param id the job
 * @param status where it is
 * @param format the media type of the file
 * @param baseline the teachers are marked as registered before the system existed
 * @param read rows read so far
 * @param imported rows registered
 * @param skipped rows whose teacherId or e-mail was already registered
 * @param failed invalid rows
 * @param errors the first rows not imported, with line numbers and reasons
 * @param failure why the whole job stopped, if it did
 * @param createdAt when the file was received
 * @param finishedAt when the job ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportStatus(
        String id,
        ImportJob.Status status,
        String format,
        boolean baseline,
        long read,
        long imported,
        long skipped,
        long failed,
        List<ImportError> errors,
        String failure,
        Instant createdAt,
        Instant finishedAt) {}
