package dev.dojomcp.tools;

import dev.dojomcp.defectdojo.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A bare Streamable HTTP MCP session: JSON-RPC bodies written by hand (every non-ASCII character as
 * a {@code \\u} escape, so lone surrogates and NUL travel as valid JSON), answers read from JSON or
 * SSE, and the HTTP status kept, so a test sees exactly what the transport does.
 */
final class RawMcpSession {
    record Answer(int status, String contentType, JsonNode message, String body) {
    }

    private static final String PROTOCOL = "2025-06-18";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI url;
    private String session;
    private long nextId = 1;

    RawMcpSession(URI url) {
        this.url = url;
    }

    void initialize() throws IOException, InterruptedException {
        Answer init = send("{\"jsonrpc\":\"2.0\",\"id\":" + nextId++ + ",\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"" + PROTOCOL + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\","
                + "\"version\":\"1\"}}}");
        if (init.status() != 200 || session == null) {
            throw new IllegalStateException("initialize answered " + init.status() + ": " + init.body());
        }
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    /** {@code arguments} is written as given; a raw JSON text in {@code rawArguments} replaces it. */
    Answer callTool(String tool, Object arguments, String rawArguments) throws IOException, InterruptedException {
        String args = rawArguments != null ? rawArguments : json(arguments);
        return send("{\"jsonrpc\":\"2.0\",\"id\":" + nextId++ + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + json(tool) + ",\"arguments\":" + args + "}}");
    }

    private Answer send(String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", PROTOCOL)
                .header("Authorization", "Bearer " + dev.dojomcp.testing.TestServers.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        r.headers().firstValue("Mcp-Session-Id").ifPresent(s -> session = s);
        String type = r.headers().firstValue("Content-Type").orElse("");
        return new Answer(r.statusCode(), type, parse(type, r.body()), r.body());
    }

    /** The JSON-RPC message of a JSON or SSE answer (the first data event), or null. */
    private static JsonNode parse(String contentType, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String json = body;
        if (contentType.startsWith("text/event-stream")) {
            StringBuilder data = new StringBuilder();
            for (String line : body.split("\r?\n")) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    break;
                }
            }
            json = data.toString();
        }
        try {
            return Json.mapper().readTree(json);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** JSON text of a value built from maps, lists, strings, numbers, booleans and null. */
    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(sb.length() > 1 ? "," : "").append(json(String.valueOf(k))).append(':')
                    .append(json(x)));
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object x : l) {
                sb.append(sb.length() > 1 ? "," : "").append(json(x));
            }
            return sb.append(']').toString();
        }
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    sb.append('\\').append(ch);
                } else if (ch < 0x20 || ch > 0x7e) {
                    sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                } else {
                    sb.append(ch);
                }
            }
            return sb.append('"').toString();
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).toString();
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof BigInteger) {
            return v.toString();
        }
        return json(String.valueOf(v));
    }
}
