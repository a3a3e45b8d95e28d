package dev.dojomcp.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;

/** A scripted HTTP server on loopback for client tests: answers queued responses and records requests. */
public final class StubDojo implements AutoCloseable {
    public record Reply(int status, Map<String, String> headers, String body, boolean reset) {
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, false);
        }

        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body, false);
        }

        public static Reply withHeader(int status, String name, String value, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json", name, value), body, false);
        }

        public static Reply connectionReset() {
            return new Reply(0, Map.of(), "", true);
        }
    }

    public record Seen(String method, String pathAndQuery, String authorization) {
    }

    private final HttpServer server;
    private final LinkedBlockingDeque<Reply> replies = new LinkedBlockingDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Function<String, Reply> fallback = p -> Reply.json(404, "{\"detail\":\"Not found.\"}");

    public StubDojo() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public StubDojo enqueue(Reply... rs) {
        replies.addAll(List.of(rs));
        return this;
    }

    public StubDojo otherwise(Function<String, Reply> f) {
        this.fallback = f;
        return this;
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange ex) throws IOException {
        String pq = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        seen.add(new Seen(ex.getRequestMethod(), pq, ex.getRequestHeaders().getFirst("Authorization")));
        Reply r = replies.poll();
        if (r == null) {
            r = fallback.apply(pq);
        }
        if (r.reset()) {
            ex.getHttpContext().getServer();
            ex.close();
            // Closing without writing a status line makes the client see a dropped connection.
            return;
        }
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
