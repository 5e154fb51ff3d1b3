package io.milestones.registration.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html});
 * its checked-in copy is {@code docs/openapi/registration-service.json}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI registrationApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Milestones registration-service")
                                .version("v1")
                                .description(
                                        "The teacher registry of the platform: registrations,"
                                                + " GDPR erasure, bulk import, traffic simulator."
                                                + " Errors are RFC 9457 application/problem+json."))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        API_KEY,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.APIKEY)
                                                .in(SecurityScheme.In.HEADER)
                                                .name("X-API-Key")
                                                .description(
                                                        "A client's API key; roles PLATFORM"
                                                                + " (register, read) and ADMIN"
                                                                + " (erase, import, simulator)")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
