package io.milestones.registration.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. Platform clients send an API key ({@code X-API-Key}); keys are configured as
 * SHA-256 hashes with a client name and roles. Stateless: no session, no cookie, so no CSRF. Public
 * so that web slice tests can import it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeyProperties keys) throws Exception {
        if (keys.apiKeys().isEmpty()) {
            log.warn(
                    "No API keys configured (milestones.security.api-keys): every API call is refused");
        }
        var unauthorized = ProblemResponses.unauthorized();
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new ApiKeyFilter(keys.apiKeys(), unauthorized),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        e ->
                                e.authenticationEntryPoint(unauthorized)
                                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(
                        requests ->
                                requests.requestMatchers(
                                                "/actuator/health/**",
                                                "/actuator/health",
                                                "/actuator/info",
                                                "/actuator/prometheus",
                                                "/v3/api-docs/**",
                                                "/v3/api-docs",
                                                "/swagger-ui/**",
                                                "/swagger-ui.html",
                                                "/error")
                                        .permitAll()
                                        .requestMatchers(
                                                HttpMethod.GET,
                                                "/api/registrations/*/personal-data")
                                        .hasRole("ADMIN")
                                        .requestMatchers(HttpMethod.DELETE, "/api/registrations/**")
                                        .hasRole("ADMIN")
                                        .requestMatchers("/api/admin/**")
                                        .hasRole("ADMIN")
                                        .requestMatchers(
                                                "/api/registrations", "/api/registrations/**")
                                        .hasAnyRole("PLATFORM", "ADMIN")
                                        .anyRequest()
                                        .denyAll());
        return http.build();
    }

    /** No user accounts: replaces Boot's generated password, which would only confuse. */
    @Bean
    UserDetailsService noUsers() {
        return username -> {
            throw new UsernameNotFoundException("API keys only");
        };
    }
}
