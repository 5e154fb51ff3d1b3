package io.milestones.ops.deadletters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Dead letters to send back to the topic they failed on.
 *
 * @param records which ones, optionally with a corrected value
 * @param reason why they are replayed, for the audit log
 * @param force replay even those replayed before; absent = false
 */
record ReplayRequest(
        @NotEmpty @Size(max = 500) List<@Valid Selected> records,
        @NotBlank @Size(max = 500) String reason,
        Boolean force) {

    boolean forced() {
        return Boolean.TRUE.equals(force);
    }

    /**
     * @param partition the dead letter's partition
     * @param offset the dead letter's offset
     * @param value the corrected value to send instead of the original one; absent = unchanged
     */
    record Selected(@Min(0) int partition, @Min(0) long offset, String value) {}
}
