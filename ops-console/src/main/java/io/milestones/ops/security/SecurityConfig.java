package io.milestones.ops.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Everything but health, info and the Prometheus scrape needs the ADMIN role, over HTTP Basic. API
 * errors are RFC 9457 problem+json; the page gets the browser's login prompt. API calls (stateless
 * Basic auth) need no CSRF token; the page's forms carry one.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain opsSecurity(HttpSecurity http) throws Exception {
        var browserPrompt = new BasicAuthenticationEntryPoint();
        browserPrompt.setRealmName("Milestones ops");
        browserPrompt.afterPropertiesSet();
        http.authorizeHttpRequests(
                        auth ->
                                auth.requestMatchers(
                                                "/actuator/health/**",
                                                "/actuator/health",
                                                "/actuator/info",
                                                // scraped by Prometheus without credentials, as
                                                // on the other services: counts and topic names,
                                                // nothing personal (ops/prometheus/prometheus.yml)
                                                "/actuator/prometheus")
                                        .permitAll()
                                        .anyRequest()
                                        .hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .exceptionHandling(
                        errors ->
                                errors.defaultAuthenticationEntryPointFor(
                                                (request, response, e) ->
                                                        Problems.write(
                                                                response,
                                                                HttpStatus.UNAUTHORIZED,
                                                                "authentication required"),
                                                request ->
                                                        request.getRequestURI().startsWith("/api/"))
                                        .defaultAuthenticationEntryPointFor(
                                                browserPrompt, request -> true)
                                        .accessDeniedHandler(
                                                (request, response, e) ->
                                                        Problems.write(
                                                                response,
                                                                HttpStatus.FORBIDDEN,
                                                                "the ADMIN role is required")));
        return http.build();
    }

    @Bean
    UserDetailsService admins(AdminProperties admin) {
        return new InMemoryUserDetailsManager(
                User.withUsername(admin.username())
                        .password(admin.password())
                        .roles("ADMIN")
                        .build());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
