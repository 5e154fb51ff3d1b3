package io.milestones.localstack;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request a network would have received, read the way that network's API reads it: a JSON body,
 * a form ({@code application/x-www-form-urlencoded}) or {@code multipart/form-data}, whose text
 * parts become fields and whose files are kept as their size.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the decoded query parameters
 * @param json the JSON body, or {@code null}
 * @param fields form fields and multipart text parts
 * @param files multipart file parts: name → bytes
 * @param bytes the raw body size
 */
record SinkRequest(
        String method,
        String path,
        Map<String, String> query,
        JsonNode json,
        Map<String, String> fields,
        Map<String, Integer> files,
        int bytes) {

    static SinkRequest read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        type = type == null ? "" : type;
        JsonNode json = null;
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> files = new LinkedHashMap<>();
        if (type.startsWith("application/json") && body.length > 0) {
            json = JsonMapper.shared().readTree(body);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            fields.putAll(decode(new String(body, StandardCharsets.UTF_8)));
        } else if (type.startsWith("multipart/form-data")) {
            multipart(body, type.substring(type.indexOf("boundary=") + 9), fields, files);
        }
        return new SinkRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                decode(exchange.getRequestURI().getRawQuery()),
                json,
                fields,
                files,
                body.length);
    }

    /** A field of the JSON body ({@code a/b} for nested ones) or of the form, or {@code null}. */
    String field(String name) {
        if (fields.containsKey(name)) {
            return fields.get(name);
        }
        if (json == null) {
            return null;
        }
        JsonNode node = json.at("/" + name);
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    /** Splits a multipart body; ISO-8859-1 keeps every byte as one char while splitting. */
    private static void multipart(
            byte[] body, String boundary, Map<String, String> fields, Map<String, Integer> files) {
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        for (String part : raw.split("--" + boundary.replace("\"", ""))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            String content = part.substring(headersEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            int nameAt = headers.indexOf("name=\"");
            if (nameAt < 0) {
                continue;
            }
            String name = headers.substring(nameAt + 6, headers.indexOf('"', nameAt + 6));
            if (headers.contains("filename=")) {
                files.put(name, content.length());
            } else {
                byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
                fields.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }
}
