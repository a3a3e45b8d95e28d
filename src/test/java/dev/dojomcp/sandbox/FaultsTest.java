package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    static SandboxServer server;
    static SandboxClient client;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 100, 3));
        client = new SandboxClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        server.faults().clear();
    }

    @Test
    void faults_status429_hasRetryAfter() throws Exception {
        server.faults().set(FaultSpec.status(429).withRetryAfterSeconds(7));
        HttpResponse<String> r = client.get("/api/v2/findings/");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void faults_status500_hasDefectDojoBody() throws Exception {
        long before = server.stats().serverErrors();
        server.faults().set(FaultSpec.status(500));
        HttpResponse<String> r = client.get("/api/v2/findings/");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error, check logs for details\"}");
        assertThat(server.stats().serverErrors()).isEqualTo(before + 1);
        assertThat(server.stats().recentServerErrors()).last().isEqualTo("GET /api/v2/findings/ -> 500");
    }

    @Test
    void faults_connectionReset() {
        server.faults().set(FaultSpec.always(FaultMode.RESET));
        assertThatThrownBy(() -> client.get("/api/v2/findings/")).isInstanceOf(IOException.class);
    }

    @Test
    void faults_malformedJson_isTruncated200() throws Exception {
        server.faults().set(FaultSpec.always(FaultMode.MALFORMED));
        HttpResponse<String> r = client.get("/api/v2/findings/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SandboxClient.parse(r)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void faults_htmlErrorPage() throws Exception {
        server.faults().set(FaultSpec.always(FaultMode.HTML));
        HttpResponse<String> r = client.get("/api/v2/findings/");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("502 Bad Gateway");
    }

    @Test
    void faults_remainingAndPathPrefix_limitTheScope() throws Exception {
        server.faults().set(FaultSpec.status(503).withPathPrefix("/api/v2/findings/").withRemaining(2));
        assertThat(client.get("/api/v2/products/").statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v2/findings/").statusCode()).isEqualTo(503);
        assertThat(client.get("/api/v2/findings/").statusCode()).isEqualTo(503);
        assertThat(client.get("/api/v2/findings/").statusCode()).isEqualTo(200);
    }

    @Test
    void faults_errorRate_isDeterministicAndRoughlyProportional() throws Exception {
        server.faults().set(FaultSpec.status(500).withErrorRate(0.3));
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            if (client.get("/api/v2/test_types/").statusCode() == 500) {
                failures++;
            }
        }
        assertThat(failures).isBetween(30, 90);
    }

    @Test
    void faults_adminEndpoint_setsAndClears() throws Exception {
        HttpResponse<String> denied = client.send("POST", "/__sandbox/faults", SandboxClient.READ_ONLY_KEY, "{}");
        assertThat(denied.statusCode()).isEqualTo(403);
        HttpResponse<String> set = client.send("POST", "/__sandbox/faults", SandboxClient.ADMIN_KEY,
                "{\"mode\":\"status\",\"status\":502,\"remaining\":1}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v2/findings/").statusCode()).isEqualTo(502);
        assertThat(client.get("/api/v2/findings/").statusCode()).isEqualTo(200);
        client.send("POST", "/__sandbox/faults", SandboxClient.ADMIN_KEY, "{\"mode\":\"html\"}");
        assertThat(client.send("DELETE", "/__sandbox/faults", SandboxClient.ADMIN_KEY, null).statusCode()).isEqualTo(204);
        assertThat(client.get("/api/v2/findings/").statusCode()).isEqualTo(200);
    }

    @Test
    void faults_latency_delaysRequests() throws Exception {
        server.faults().set(FaultSpec.latency(300));
        long start = System.nanoTime();
        assertThat(client.get("/api/v2/test_types/").statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }
}
