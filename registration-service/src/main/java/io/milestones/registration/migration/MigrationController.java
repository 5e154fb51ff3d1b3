package io.milestones.registration.migration;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one-off migration of an installation from {@code registrations} (v1, with names and
 * addresses) to {@code registrations-v2} + {@code teacher-contacts} (ADMIN). POST starts it, GET
 * shows its progress, DELETE {@code /source} retires the v1 topic once the copy is done and checked
 * (docs/operations.md, "Migrating").
 */
@RestController
@RequestMapping(MigrationController.PATH)
class MigrationController {

    static final String PATH = "/api/admin/migrations/registrations-v2";

    private final RegistrationsMigration migration;

    MigrationController(RegistrationsMigration migration) {
        this.migration = migration;
    }

    /** 202 and the progress; 409 when a migration is running or done. */
    @PostMapping
    ResponseEntity<MigrationStatus> start() {
        if (!migration.start()) {
            throw conflict("a migration is running or done: " + migration.status().state());
        }
        return ResponseEntity.accepted().location(URI.create(PATH)).body(migration.status());
    }

    @GetMapping
    MigrationStatus status() {
        return migration.status();
    }

    /** Deletes the v1 topic; 409 unless the copy is done. */
    @DeleteMapping("/source")
    MigrationStatus retire() throws Exception {
        if (!migration.retire()) {
            throw conflict(
                    "the copy is not done (state "
                            + migration.status().state()
                            + "); the v1 topic stays");
        }
        return migration.status();
    }

    private static ErrorResponseException conflict(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(URI.create("urn:milestones:problem:migration-state"));
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
