package dev.dojomcp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Streamable HTTP MCP client on plain {@code java.net.http}: one session (initialize,
 * notifications/initialized, {@code Mcp-Session-Id} kept), then {@code tools/call} requests. It
 * accepts both answer forms the transport may use, {@code application/json} and
 * {@code text/event-stream} (the JSON-RPC message is on the {@code data:} line).
 */
final class McpHttpDriver {
    static final String PROTOCOL_VERSION = "2025-06-18";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI endpoint;
    private final AtomicLong ids = new AtomicLong(1);
    private String sessionId;

    McpHttpDriver(HttpClient http, URI endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    /** HTTP/1.1 keep-alive client; its worker threads are named {@code bench-http-N}. */
    static HttpClient newHttpClient() {
        AtomicLong n = new AtomicLong();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "bench-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** initialize, then notifications/initialized; returns the server's initialize result message. */
    String initialize() throws IOException, InterruptedException {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":" + ids.getAndIncrement() + ",\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"" + PROTOCOL_VERSION + "\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"dojo-mcp-bench\",\"version\":\"1\"}}}";
        HttpResponse<String> r = post(init);
        if (r.statusCode() != 200) {
            throw new IOException("initialize answered HTTP " + r.statusCode() + ": " + r.body());
        }
        sessionId = r.headers().firstValue("Mcp-Session-Id")
                .orElseThrow(() -> new IOException("initialize answer has no Mcp-Session-Id header"));
        String message = message(r);
        if (!message.contains("\"result\"")) {
            throw new IOException("initialize failed: " + message);
        }
        HttpResponse<String> ack = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        if (ack.statusCode() != 202 && ack.statusCode() != 200) {
            throw new IOException("notifications/initialized answered HTTP " + ack.statusCode());
        }
        return message;
    }

    /** One {@code tools/call get_finding_by_id}; the JSON-RPC message (throws on a transport failure). */
    Answer getFindingById(long findingId) throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + ids.getAndIncrement() + ",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"get_finding_by_id\",\"arguments\":{\"finding_id\":" + findingId + "}}}";
        HttpResponse<String> r = post(body);
        String message = r.statusCode() == 200 ? message(r) : r.body();
        return new Answer(r.statusCode(), message, r.headers().firstValue("Content-Type").orElse(""));
    }

    String sessionId() {
        return sessionId;
    }

    /** DELETE the session (best effort). */
    void close() {
        if (sessionId == null) {
            return;
        }
        try {
            http.send(base().DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // the server is going away anyway
        }
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return http.send(base().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder base() {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + dev.dojomcp.testing.TestServers.READER_TOKEN);
        if (sessionId != null) {
            b.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", PROTOCOL_VERSION);
        }
        return b;
    }

    /** The JSON-RPC message of an answer: the body, or the first {@code data:} event of an SSE body. */
    static String message(HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        return type.startsWith("text/event-stream") ? sseData(r.body()) : r.body();
    }

    static String sseData(String body) {
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\r?\n", -1)) {
            if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            } else if (line.isEmpty() && data.length() > 0) {
                break; // end of the first event
            }
        }
        return data.toString();
    }

    /** HTTP status, JSON-RPC message and content type of one tool call. */
    record Answer(int status, String message, String contentType) {
        /** HTTP 200, a JSON-RPC result, and a tool result that is not an error. */
        boolean ok() {
            return status == 200 && message.contains("\"result\"") && message.contains("\"isError\":false");
        }
    }
}
