package io.milestones.registration.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowReaderTest {

    static List<ParsedRow> read(ImportFormat format, String text) throws Exception {
        List<ParsedRow> rows = new ArrayList<>();
        try (RowReader reader =
                RowReader.open(
                        format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void shouldNumberNdjsonRowsByLineSkippingBlankLines() throws Exception {
        var rows =
                read(
                        ImportFormat.NDJSON,
                        """
                        {"teacherId":"a","email":"a@example.org","displayName":"A","country":"IT","language":"it"}

                        {"teacherId":"b","shoeSize":44}
                        [1]
                        {"teacherId":"c","registeredAt":"yesterday"}
                        """);

        assertThat(rows).extracting(ParsedRow::line).containsExactly(1L, 3L, 4L, 5L);
        assertThat(rows.get(0).request().teacherId()).isEqualTo("a");
        assertThat(rows.get(1).error())
                .isEqualTo(new ImportError(3, "shoeSize", "is not a known field"));
        assertThat(rows.get(2).error().message()).isEqualTo("is not a JSON object");
        assertThat(rows.get(3).error().field()).isEqualTo("registeredAt");
    }

    @Test
    void shouldReadCsvByHeaderNamesCountingTheHeaderAsLineOne() throws Exception {
        var rows =
                read(
                        ImportFormat.CSV,
                        """
                        email,teacherId,displayName,country,language,registeredAt
                        a@example.org,a,"Rossi, Giulia",IT,it,2020-01-01T00:00:00Z
                        b@example.org,b,B,IT
                        """);

        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).request().displayName()).isEqualTo("Rossi, Giulia");
        assertThat(rows.get(0).registeredAt()).hasToString("2020-01-01T00:00:00Z");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).error()).isNotNull();
    }

    @Test
    void shouldRefuseACsvWithoutARequiredColumn() {
        assertThatThrownBy(() -> read(ImportFormat.CSV, "teacherId,email\na,a@example.org\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("displayName");
    }
}
