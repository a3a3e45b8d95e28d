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

    public static HttpMcpClient connect(ServerRuntime runtime) throws Exception {
        return connect(runtime, spec -> spec);
    }

    /** {@code customize} adds to the client's specification (e.g. a progress consumer). */
    public static HttpMcpClient connect(ServerRuntime runtime, UnaryOperator<McpClient.SyncSpec> customize)
            throws Exception {
        HttpTransport http = HttpTransport.start(runtime, HttpTransport.HttpOptions.loopback("127.0.0.1", 0), s -> { });
        McpSyncClient client = customize.apply(McpClient.sync(HttpClientStreamableHttpTransport
                        .builder("http://127.0.0.1:" + http.port()).endpoint("/mcp").build())
                .requestTimeout(Duration.ofSeconds(60))).build();
        client.initialize();
        return new HttpMcpClient(http, client);
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
