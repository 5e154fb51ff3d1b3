package io.milestones.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void shouldMaskEmailAddressesAnywhere() {
        assertThat(Masking.mask("failed for giulia.rossi@example.org, retry"))
                .isEqualTo("failed for g***@example.org, retry");
    }

    @Test
    void shouldMaskNamesAndAddressesInJsonFields() {
        String json =
                "{\"teacherId\":\"t-1\",\"displayName\":\"Giulia \\\"G\\\" Rossi\",\"email\":\"g@x.org\",\"country\":\"IT\"}";

        assertThat(Masking.mask(json))
                .isEqualTo(
                        "{\"teacherId\":\"t-1\",\"displayName\":\"***\",\"email\":\"***\",\"country\":\"IT\"}");
    }

    @Test
    void shouldLeaveTextWithoutPersonalDataAndNullAlone() {
        assertThat(Masking.mask("country is required")).isEqualTo("country is required");
        assertThat(Masking.mask(null)).isNull();
    }
}
