package io.milestones.registration.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk import of the teachers who registered before the system existed: POST the file (NDJSON or
 * CSV), follow the Location to see the job's progress.
 */
@RestController
@RequestMapping("/api/admin/imports")
class ImportController {

    private final ImportJobs jobs;

    ImportController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Receives a file ({@code application/x-ndjson} or {@code text/csv}) and answers 202 with the
     * job's Location once it is stored; the rows are imported in the background.
     *
     * @param baseline mark the imported teachers as baseline (counted, but no celebration of
     *     thresholds they crossed); true unless told otherwise
     */
    @PostMapping(consumes = {"application/x-ndjson", "text/csv"})
    ResponseEntity<ImportStatus> submit(
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestParam(defaultValue = "true") boolean baseline,
            InputStream body)
            throws IOException {
        ImportFormat format =
                ImportFormat.of(contentType)
                        .orElseThrow(
                                () ->
                                        new ErrorResponseException(
                                                HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        ImportJob job = jobs.submit(format, baseline, body);
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/imports/" + job.id()))
                .body(job.snapshot());
    }

    @GetMapping("/{id}")
    ImportStatus status(@PathVariable String id) {
        return jobs.find(id)
                .orElseThrow(
                        () ->
                                new ErrorResponseException(
                                        HttpStatus.NOT_FOUND,
                                        ProblemDetail.forStatusAndDetail(
                                                HttpStatus.NOT_FOUND, "no such import job"),
                                        null));
    }
}
