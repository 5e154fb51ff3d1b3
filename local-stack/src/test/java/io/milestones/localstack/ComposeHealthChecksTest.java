package io.milestones.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The compose stack's health checks: every container has one, and the services' check passes only
 * when the top-level status is UP — it is run here, against a server answering what Spring Boot's
 * readiness endpoint answers.
 */
class ComposeHealthChecksTest {

    static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    @DisplayName("every container in docker-compose.yml has a health check")
    void shouldGiveEveryContainerAHealthCheck() throws IOException {
        assertThat(services())
                .isNotEmpty()
                .allSatisfy(
                        (name, service) ->
                                assertThat(service)
                                        .as(name + " has a healthcheck")
                                        .containsKey("healthcheck"));
    }

    @Test
    @DisplayName("a service is healthy only when its readiness status is UP, not a component's")
    void shouldPassOnlyWhenTheTopLevelStatusIsUp() throws Exception {
        var checked = 0;
        for (var entry : services().entrySet()) {
            String command = shellCommand(entry.getValue());
            if (command == null || !command.contains("/actuator/health")) {
                continue;
            }
            checked++;
            String service = entry.getKey();
            assertThat(run(command, 200, "{\"status\":\"UP\",\"components\":{}}"))
                    .as(service + " healthy when UP")
                    .isZero();
            assertThat(
                            run(
                                    command,
                                    503,
                                    "{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"UP\"},"
                                            + "\"readinessState\":{\"status\":\"DOWN\"}}}"))
                    .as(service + " unhealthy when DOWN although a component is UP")
                    .isNotZero();
            assertThat(run(command, 503, "{\"status\":\"OUT_OF_SERVICE\"}"))
                    .as(service + " unhealthy when OUT_OF_SERVICE")
                    .isNotZero();
        }
        assertThat(checked)
                .as(
                        "services checked over /actuator/health: registration, milestone, notifier, chain, ops-console")
                .isEqualTo(5);
    }

    /** The services with compose's merge keys ({@code <<: *service}) applied. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws IOException {
        var compose =
                (Map<String, Object>)
                        new Load(LoadSettings.builder().build())
                                .loadFromString(Files.readString(COMPOSE));
        var services = new LinkedHashMap<String, Map<String, Object>>();
        ((Map<String, Map<String, Object>>) compose.get("services"))
                .forEach(
                        (name, service) -> {
                            var merged = new LinkedHashMap<String, Object>();
                            if (service.get("<<") instanceof Map<?, ?> base) {
                                merged.putAll((Map<String, Object>) base);
                            }
                            merged.putAll(service);
                            merged.remove("<<");
                            services.put(name, merged);
                        });
        return services;
    }

    @SuppressWarnings("unchecked")
    private static String shellCommand(Map<String, Object> service) {
        var healthcheck = (Map<String, Object>) service.get("healthcheck");
        var test = (List<String>) healthcheck.get("test");
        return "CMD-SHELL".equals(test.get(0)) ? test.get(1) : null;
    }

    /** Runs a CMD-SHELL check as the container would, against a readiness endpoint answering. */
    private static int run(String command, int status, String body) throws Exception {
        var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext(
                "/actuator/health/readiness",
                exchange -> {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
        server.start();
        try {
            // compose turns $$ into a literal $ before the shell sees it
            var process = new ProcessBuilder("/bin/sh", "-c", command.replace("$$", "$"));
            process.environment().put("SERVER_PORT", String.valueOf(server.getAddress().getPort()));
            var running = process.redirectErrorStream(true).start();
            assertThat(running.waitFor(10, TimeUnit.SECONDS)).as("check finished").isTrue();
            return running.exitValue();
        } finally {
            server.stop(0);
        }
    }
}
