package io.milestones.registration.importing;

import io.milestones.registration.registration.RegistrationRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with a header line naming the columns {@value #COLUMNS_TEXT} (any order; milestoneEmails,
 * publicName and registeredAt optional; an absent consent is false). Line numbers count the header
 * as line 1 and assume no line breaks inside quoted values.
 */
final class CsvRowReader implements RowReader {

    static final String COLUMNS_TEXT =
            "teacherId, email, displayName, country, language, milestoneEmails, publicName,"
                    + " registeredAt";
    static final List<String> REQUIRED =
            List.of("teacherId", "email", "displayName", "country", "language");
    static final List<String> KNOWN =
            List.of(
                    "teacherId",
                    "email",
                    "displayName",
                    "country",
                    "language",
                    "milestoneEmails",
                    "publicName",
                    "registeredAt");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRowReader(InputStream in) throws IOException {
        this.parser =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .setIgnoreEmptyLines(true)
                        .get()
                        .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> header = parser.getHeaderNames();
        for (String column : header) {
            if (!KNOWN.contains(column)) {
                throw new IllegalArgumentException(
                        "unknown CSV column '" + column + "'; known: " + COLUMNS_TEXT);
            }
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException("the CSV header lacks the column " + column);
            }
        }
        this.records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public ParsedRow next() {
        CSVRecord record = records.next();
        long line = record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
            return ParsedRow.unreadable(
                    line, "", "has " + record.size() + " values, the header names another number");
        }
        Boolean consent = consent(get(record, "milestoneEmails"));
        if (consent == null) {
            return ParsedRow.unreadable(line, "milestoneEmails", "must be true or false");
        }
        Boolean publicName = consent(get(record, "publicName"));
        if (publicName == null) {
            return ParsedRow.unreadable(line, "publicName", "must be true or false");
        }
        Instant registeredAt = null;
        String at = get(record, "registeredAt");
        if (at != null) {
            try {
                registeredAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                return ParsedRow.unreadable(line, "registeredAt", "must be an ISO-8601 instant");
            }
        }
        return ParsedRow.read(
                line,
                new RegistrationRequest(
                        get(record, "teacherId"),
                        get(record, "email"),
                        get(record, "displayName"),
                        get(record, "country"),
                        get(record, "language"),
                        new RegistrationRequest.ConsentsRequest(consent, publicName)),
                registeredAt);
    }

    private static String get(CSVRecord record, String column) {
        if (!record.isMapped(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    private static Boolean consent(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> null;
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
