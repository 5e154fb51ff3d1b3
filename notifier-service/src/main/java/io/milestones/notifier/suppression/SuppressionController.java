package io.milestones.notifier.suppression;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Admin API of the suppression list: list it (addresses masked), look an address up (sent in the
 * body, so it lands in no access log), lift a suppression by its hash. Needs {@code X-API-Key}.
 */
@RestController
@Validated
class SuppressionController {

    private final SuppressionList suppressions;
    private final SuppressionProperties properties;

    SuppressionController(SuppressionList suppressions, SuppressionProperties properties) {
        this.suppressions = suppressions;
        this.properties = properties;
    }

    /**
     * @param total entries in all
     * @param items this page, newest first
     */
    record Page(int page, int size, long total, List<Suppression> items) {}

    record Lookup(@NotBlank @Email String email) {}

    @GetMapping("/api/admin/suppressions")
    Page list(
            @RequestHeader(name = "X-API-Key", required = false) String key,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        authorise(key);
        return new Page(page, size, suppressions.count(), suppressions.page(page, size));
    }

    @PostMapping("/api/admin/suppressions/lookup")
    ResponseEntity<Suppression> lookup(
            @RequestHeader(name = "X-API-Key", required = false) String key,
            @Valid @RequestBody Lookup lookup) {
        authorise(key);
        return ResponseEntity.of(suppressions.find(AddressHash.of(lookup.email())));
    }

    @DeleteMapping("/api/admin/suppressions/{addressHash}")
    ResponseEntity<Void> lift(
            @RequestHeader(name = "X-API-Key", required = false) String key,
            @PathVariable @Pattern(regexp = "[0-9a-f]{64}") String addressHash) {
        authorise(key);
        return suppressions.lift(addressHash)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private void authorise(String key) {
        String expected = properties.adminApiKey();
        if (expected.isEmpty()
                || key == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        key.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "X-API-Key missing or wrong");
        }
    }
}
