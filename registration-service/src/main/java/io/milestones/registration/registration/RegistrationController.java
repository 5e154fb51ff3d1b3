package io.milestones.registration.registration;

import io.milestones.registration.web.InvalidField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The platform's API: register a teacher, look one up, list them, erase one. */
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RegistrationService registrations;
    private final Teachers teachers;

    RegistrationController(RegistrationService registrations, Teachers teachers) {
        this.registrations = registrations;
        this.teachers = teachers;
    }

    /** 201 with Location; a repeated request gets the original answer and no second event. */
    @PostMapping
    ResponseEntity<RegistrationResponse> register(
            @Valid @RequestBody RegistrationRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Principal client) {
        var registered =
                registrations.register(request.toNewTeacher(), scoped(idempotencyKey, client));
        return ResponseEntity.created(URI.create("/api/registrations/" + registered.teacherId()))
                .body(
                        new RegistrationResponse(
                                registered.teacherId(),
                                registered.eventId(),
                                registered.registeredAt()));
    }

    @GetMapping("/{teacherId}")
    TeacherView find(@PathVariable String teacherId) {
        return teachers.find(teacherId)
                .map(TeacherView::of)
                .orElseThrow(RegistrationProblem::notFound);
    }

    /** Registered teachers, oldest first, optionally of one country and since an instant. */
    @GetMapping
    TeacherPage list(
            @RequestParam(required = false) String country,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant since,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (country != null && !ParticipatingCountries.isIso(country)) {
            throw new InvalidField(
                    "country", "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. IT");
        }
        List<Teacher> rows = teachers.page(country, since, (long) page * size, size + 1);
        boolean more = rows.size() > size;
        return new TeacherPage(
                rows.stream().limit(size).map(TeacherView::of).toList(), page, size, more);
    }

    /** Erases the teacher's personal data (GDPR); the anonymous registration stays counted. */
    @DeleteMapping("/{teacherId}")
    ResponseEntity<Void> erase(@PathVariable String teacherId) {
        registrations.erase(teacherId);
        return ResponseEntity.noContent().build();
    }

    private static String scoped(String idempotencyKey, Principal client) {
        if (idempotencyKey == null) {
            return null;
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new InvalidField(IDEMPOTENCY_KEY, "must be 1 to 200 characters");
        }
        return (client == null ? "anonymous" : client.getName()) + ":" + idempotencyKey;
    }

    /**
     * @param teacherId the registered teacher
     * @param eventId the CloudEvents id of its {@code TeacherRegistered}
     * @param registeredAt the event time recorded
     */
    record RegistrationResponse(String teacherId, String eventId, Instant registeredAt) {}

    /**
     * @param items the teachers of this page
     * @param page the page number, from 0
     * @param size the page size asked for
     * @param hasNext whether a next page exists
     */
    record TeacherPage(List<TeacherView> items, int page, int size, boolean hasNext) {}
}
