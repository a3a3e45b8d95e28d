package dev.dojomcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.HttpMcpClient;
import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The SDK's own client over Streamable HTTP against the server on Jetty, backed by the sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpOverHttpTest {
    private TestServers servers;
    private HttpMcpClient mcp;
    private HttpTransport http;
    private McpSyncClient client;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.generated(1500, 3, 2);
        mcp = HttpMcpClient.connect(servers.runtime());
        http = mcp.http();
        client = mcp.client();
    }

    @AfterAll
    void stop() {
        mcp.close();
        servers.close();
    }

    @Test
    void toolsList_hasEveryTool_withSchemasAndAnnotations() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        var catalog = dev.dojomcp.server.StandardCatalog.create();
        assertThat(tools).hasSize(catalog.all().size());
        assertThat(tools).allSatisfy(t -> {
            assertThat(t.annotations().readOnlyHint()).isEqualTo(catalog.find(t.name()).orElseThrow().readOnly());
            assertThat(t.outputSchema()).isNotNull();
        });
    }

    @Test
    void getFindings_returnsStructuredContent() {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("get_findings",
                Map.of("severity", List.of("Critical", "High"), "status", List.of("Active"), "limit", 5)));
        assertThat(r.isError()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> sc = (Map<String, Object>) r.structuredContent();
        assertThat(((Number) sc.get("count")).longValue())
                .isEqualTo(servers.restCount("severity=Critical,High&active=true"));
        assertThat((List<?>) sc.get("results")).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void schemaViolation_isAToolError() {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("get_findings",
                Map.of("limit", 5000)));
        assertThat(r.isError()).isTrue();
    }

    @Test
    void groupsAndRoles_workOnDefectDojo2() {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("get_roles", Map.of()));
        assertThat(r.isError()).as(TestServers.text(r)).isFalse();
        assertThat(TestServers.text(r)).contains("Reader");
    }

    @Test
    void foreignOrigin_isRefusedWith403_andProbesAnswer() throws Exception {
        HttpClient raw = HttpClient.newHttpClient();
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        HttpResponse<String> evil = raw.send(HttpRequest.newBuilder(http.mcpUrl())
                .header("Origin", "http://evil.example").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(init)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(evil.statusCode()).isEqualTo(403);
        HttpResponse<String> live = raw.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port()
                + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);
        HttpResponse<String> ready = raw.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port()
                + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedRequestBody_isRefused_whileTheSameRequestSmallerIsServed() throws Exception {
        HttpClient raw = HttpClient.newHttpClient();
        java.util.function.IntFunction<Integer> initializeWithPadding = size -> {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"},"
                    + "\"pad\":\"" + "x".repeat(size) + "\"}}";
            try {
                return raw.send(HttpRequest.newBuilder(http.mcpUrl()).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestServers.READER_TOKEN)
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(initializeWithPadding.apply(512 * 1024)).isEqualTo(200);
        assertThat(initializeWithPadding.apply(2 * 1024 * 1024)).isBetween(400, 499);
    }
}
