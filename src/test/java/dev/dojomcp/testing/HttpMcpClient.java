package dev.dojomcp.testing;

import dev.dojomcp.server.ServerRuntime;
import dev.dojomcp.transport.HttpTransport;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A runtime served over Streamable HTTP on a free loopback port, and the SDK's client connected to it. */
public final class HttpMcpClient implements AutoCloseable {
    private final HttpTransport http;
    private final McpSyncClient client;

    private HttpMcpClient(HttpTransport http, McpSyncClient client) {
        this.http = http;
        this.client = client;
    }

    /** Connected with the admin role token. */
    public static HttpMcpClient connect(ServerRuntime runtime) throws Exception {
        return connect(runtime, spec -> spec);
    }

    /** {@code customize} adds to the client's specification (e.g. a progress consumer). */
    public static HttpMcpClient connect(ServerRuntime runtime, UnaryOperator<McpClient.SyncSpec> customize)
            throws Exception {
        return connect(runtime, TestServers.ADMIN_TOKEN, customize);
    }

    /** Connected with {@code token} sent as a Bearer credential on every request. */
    public static HttpMcpClient connect(ServerRuntime runtime, String token, UnaryOperator<McpClient.SyncSpec> customize)
            throws Exception {
        HttpTransport http = HttpTransport.start(runtime, HttpTransport.HttpOptions.loopback("127.0.0.1", 0), s -> { });
        try {
            McpSyncClient client = customize.apply(McpClient.sync(client(http, token)).requestTimeout(Duration.ofSeconds(60)))
                    .build();
            client.initialize();
            return new HttpMcpClient(http, client);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /** The SDK's Streamable HTTP client transport for {@code http}, sending {@code token} as a Bearer credential. */
    public static HttpClientStreamableHttpTransport client(HttpTransport http, String token) {
        return HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.port()).endpoint("/mcp")
                .requestBuilder(java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
    }

    public McpSyncClient client() {
        return client;
    }

    public HttpTransport http() {
        return http;
    }

    @Override
    public void close() {
        client.closeGracefully();
        http.close();
    }
}
