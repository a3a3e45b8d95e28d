package dev.dojomcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.TestServers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An abandoned session (never closed with DELETE) is evicted once idle, so sessions cannot pile up. */
class SessionSweepTest {
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";

    @Test
    void idleSession_isSwept() throws Exception {
        try (TestServers servers = TestServers.generated(10, 1, 3);
                HttpTransport http = HttpTransport.start(servers.runtime(), new HttpTransport.HttpOptions("127.0.0.1",
                        0, 1 << 20, Duration.ofSeconds(1), List.of(), List.of()), s -> { })) {
            HttpClient raw = HttpClient.newHttpClient();
            HttpResponse<String> init = raw.send(post(http, INIT, null), HttpResponse.BodyHandlers.ofString());
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            assertThat(raw.send(post(http, PING, session), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            Thread.sleep(3_500);
            assertThat(raw.send(post(http, PING, session), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(404);
        }
    }

    private static HttpRequest post(HttpTransport http, String body, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.mcpUrl()).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + TestServers.READER_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return b.build();
    }
}
