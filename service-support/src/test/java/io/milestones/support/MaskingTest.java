package io.milestones.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void shouldMaskEveryAddressAndKeepTheRest() {
        assertThat(Masking.emails("550 <anna.nowak@school.example>: unknown, cc bo@x.org"))
                .isEqualTo("550 <a***@school.example>: unknown, cc b***@x.org");
        assertThat(Masking.emails("no address here")).isEqualTo("no address here");
        assertThat(Masking.emails(null)).isNull();
    }
}
