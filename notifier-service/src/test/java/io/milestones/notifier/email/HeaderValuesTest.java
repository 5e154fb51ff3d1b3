package io.milestones.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void shouldKeepAHeaderValueOnOneLine() {
        assertThat(HeaderValues.singleLine("Eve\r\nBcc: victim@example.org"))
                .isEqualTo("Eve Bcc: victim@example.org");
        assertThat(HeaderValues.singleLine("a\u0000b\tc\u007f"))
                .doesNotContainPattern("\\p{Cntrl}");
    }
}
