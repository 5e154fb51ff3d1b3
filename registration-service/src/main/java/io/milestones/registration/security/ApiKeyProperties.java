package io.milestones.registration.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The clients allowed to call the API, each with the SHA-256 of its key (never the key itself).
 *
 * @param apiKeys one entry per client
 */
@Validated
@ConfigurationProperties("milestones.security")
public record ApiKeyProperties(@DefaultValue({}) @NotNull @Valid List<Client> apiKeys) {

    /**
     * @param client who calls, for logs and to scope idempotency keys
     * @param sha256 hex SHA-256 of the key the client sends in {@code X-API-Key}
     * @param roles what the client may do
     */
    public record Client(
            @NotBlank String client,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits")
                    String sha256,
            @NotEmpty Set<Role> roles) {}

    /** What a client may do. */
    public enum Role {
        /** register teachers and read the registry */
        PLATFORM,
        /** also erase teachers, import, drive the simulator */
        ADMIN
    }
}
