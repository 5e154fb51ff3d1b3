package io.milestones.registration.importing;

import io.milestones.registration.registration.RegistrationRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** NDJSON: one registration object per line; blank lines are skipped. */
final class NdjsonRowReader implements RowReader {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final BufferedReader reader;
    private long line;
    private String next;

    NdjsonRowReader(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                String read = reader.readLine();
                if (read == null) {
                    return false;
                }
                line++;
                if (!read.isBlank()) {
                    next = read;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ParsedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String text = next;
        next = null;
        return parse(line, text);
    }

    static ParsedRow parse(long line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            return ParsedRow.unreadable(line, "", "is not a JSON object");
        }
        if (!(node instanceof ObjectNode object)) {
            return ParsedRow.unreadable(line, "", "is not a JSON object");
        }
        Instant registeredAt = null;
        JsonNode at = object.remove("registeredAt");
        if (at != null && !at.isNull()) {
            try {
                registeredAt = Instant.parse(at.asString());
            } catch (DateTimeParseException e) {
                return ParsedRow.unreadable(line, "registeredAt", "must be an ISO-8601 instant");
            }
        }
        try {
            return ParsedRow.read(
                    line, JSON.treeToValue(object, RegistrationRequest.class), registeredAt);
        } catch (UnrecognizedPropertyException e) {
            return ParsedRow.unreadable(line, e.getPropertyName(), "is not a known field");
        } catch (JacksonException e) {
            String field =
                    e.getPath().isEmpty()
                            ? ""
                            : String.valueOf(e.getPath().get(0).getPropertyName());
            return ParsedRow.unreadable(line, field, "has the wrong type or format");
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
