package io.milestones.registration.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyFilterTest {

    @Test
    void shouldHashKeysAsHexSha256LikeTheConfiguredHashes() {
        assertThat(ApiKeyFilter.sha256("test-platform-key"))
                .isEqualTo("6376e96c4c3185bcc86c0802ce0fb463231f19db0a1b4930347e1ff5f77d5a4c");
    }
}
