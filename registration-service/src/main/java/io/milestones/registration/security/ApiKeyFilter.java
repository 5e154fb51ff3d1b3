package io.milestones.registration.security;

import io.milestones.support.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code X-API-Key} header: the key's SHA-256 must match a
 * configured client. No header: the request goes on anonymous (and is refused where a role is
 * needed); a wrong key: 401 at once.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final Map<String, ApiKeyProperties.Client> clientsByHash;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyFilter(List<ApiKeyProperties.Client> clients, AuthenticationEntryPoint entryPoint) {
        this.clientsByHash =
                clients.stream()
                        .collect(
                                Collectors.toMap(
                                        c -> c.sha256().toLowerCase(Locale.ROOT),
                                        Function.identity()));
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        ApiKeyProperties.Client client = clientsByHash.get(sha256(key));
        if (client == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        var authorities =
                client.roles().stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                        .toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(
                        client.client(), null, authorities));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /** Hex SHA-256 of a key, as configured in {@code milestones.security.api-keys[].sha256}. */
    static String sha256(String key) {
        return Sha256.hex(key);
    }
}
