package io.milestones.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailsTest {

    @Test
    void shouldMaskAddressesForOps() {
        assertThat(Emails.mask("anna.nowak@school.example")).isEqualTo("a***@school.example");
        assertThat(Emails.maskAll("550 <anna.nowak@school.example>: unknown, cc bo@x.org"))
                .isEqualTo("550 <a***@school.example>: unknown, cc b***@x.org");
    }

    @Test
    void shouldNormaliseAddressesToOneKey() {
        assertThat(Emails.normalise("  Anna.Nowak@School.Example "))
                .isEqualTo("anna.nowak@school.example");
    }
}
