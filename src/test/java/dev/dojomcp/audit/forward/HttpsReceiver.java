package dev.dojomcp.audit.forward;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A loopback HTTP(S) collector: answers {@code failStatus} to the first {@code failures} requests, then 200. */
final class HttpsReceiver implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Request(int status, String authorization, String contentType, String body, List<Long> seqs) {
    }

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();
    volatile int failStatus = 503;

    HttpsReceiver(SSLContext tlsOrNull) throws IOException {
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tlsOrNull != null) {
            HttpsServer s = HttpsServer.create(at, 0);
            s.setHttpsConfigurator(new HttpsConfigurator(tlsOrNull));
            server = s;
        } else {
            server = HttpServer.create(at, 0);
        }
        server.createContext("/audit", this::handle);
        server.start();
    }

    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort()
                + "/audit";
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int status = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failStatus : 200;
        List<Long> seqs = new ArrayList<>();
        JsonNode array = JSON.readTree(body);
        for (JsonNode n : array) {
            seqs.add(n.get("seq").longValue());
        }
        requests.add(new Request(status, ex.getRequestHeaders().getFirst("Authorization"),
                ex.getRequestHeaders().getFirst("Content-Type"), body, seqs));
        byte[] reply = status == 200 ? "{\"ok\":true}".getBytes() : "unavailable".getBytes();
        ex.sendResponseHeaders(status, reply.length);
        ex.getResponseBody().write(reply);
        ex.close();
    }

    /** seqs of accepted (200) requests, with duplicates, in arrival order. */
    List<Long> delivered() {
        return requests.stream().filter(r -> r.status() == 200).flatMap(r -> r.seqs().stream()).toList();
    }

    Set<Long> distinctDelivered() {
        return new TreeSet<>(delivered());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
