package io.milestones.notifier.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The notifier's part of a teacher's right of access, for registration-service's {@code GET
 * /api/registrations/{teacherId}/personal-data}, which joins it to the registry's. Needs {@code
 * X-API-Key} ({@code milestones.personal-data.admin-api-key}).
 */
@RestController
class PersonalDataController {

    private final PersonalDataQuery query;
    private final PersonalDataProperties properties;

    PersonalDataController(PersonalDataQuery query, PersonalDataProperties properties) {
        this.query = query;
        this.properties = properties;
    }

    @GetMapping("/api/admin/teachers/{teacherId}/personal-data")
    NotifierPersonalData personalData(
            @RequestHeader(name = "X-API-Key", required = false) String key,
            @PathVariable String teacherId) {
        String expected = properties.adminApiKey();
        if (expected.isEmpty()
                || key == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        key.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "X-API-Key missing or wrong");
        }
        return query.of(teacherId);
    }
}
