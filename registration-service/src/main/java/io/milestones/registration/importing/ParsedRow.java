package io.milestones.registration.importing;

import io.milestones.registration.registration.RegistrationRequest;
import java.time.Instant;

/**
 * One row of an import file: a registration, or why it could not be read.
 *
 * @param line the row's line number in the file, from 1
 * @param request the registration, {@code null} when the row is unreadable
 * @param registeredAt when the teacher originally registered, {@code null} for "now"
 * @param error why the row is unreadable, {@code null} when it was read
 */
record ParsedRow(long line, RegistrationRequest request, Instant registeredAt, ImportError error) {

    static ParsedRow read(long line, RegistrationRequest request, Instant registeredAt) {
        return new ParsedRow(line, request, registeredAt, null);
    }

    static ParsedRow unreadable(long line, String field, String message) {
        return new ParsedRow(line, null, null, new ImportError(line, field, message));
    }
}
