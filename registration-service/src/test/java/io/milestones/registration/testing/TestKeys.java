package io.milestones.registration.testing;

import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** API keys of the tests: the plain keys the tests send and the hashes the service is given. */
public final class TestKeys {

    public static final String HEADER = "X-API-Key";
    public static final String PLATFORM = "test-platform-key";
    public static final String ADMIN = "test-admin-key";

    /** The settings that make {@link #PLATFORM} a PLATFORM client and {@link #ADMIN} an ADMIN. */
    public static final Map<String, String> SETTINGS =
            Map.of(
                    "milestones.security.api-keys[0].client", "test-platform",
                    "milestones.security.api-keys[0].sha256",
                            "6376e96c4c3185bcc86c0802ce0fb463231f19db0a1b4930347e1ff5f77d5a4c",
                    "milestones.security.api-keys[0].roles", "PLATFORM",
                    "milestones.security.api-keys[1].client", "test-admin",
                    "milestones.security.api-keys[1].sha256",
                            "944650a7cd0f9e14d5c4fb15edbffb7fa45fb9ed36a4fa9be3d7e5476ae51bd9",
                    "milestones.security.api-keys[1].roles", "PLATFORM,ADMIN");

    private TestKeys() {}

    public static void register(DynamicPropertyRegistry registry) {
        SETTINGS.forEach((name, value) -> registry.add(name, () -> value));
    }
}
