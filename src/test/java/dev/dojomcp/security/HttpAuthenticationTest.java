package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.testing.TestServers;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.transport.HttpTransport;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HttpAuthenticationTest {
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String READ_ONLY_KEY = "feedfacefeedfacefeedfacefeedfacefeedface";
    private static final HttpClient RAW = HttpClient.newHttpClient();

    @Test
    void withoutAValidToken_theAnswerIs401WithAChallenge_andNoSessionStarts() throws Exception {
        try (TestServers servers = TestServers.generated(10, 1, 3); HttpTransport http = start(servers)) {
            HttpResponse<String> none = post(http, INIT, null, null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"dojo-mcp\"");
            assertThat(none.headers().firstValue("Mcp-Session-Id")).isEmpty();

            HttpResponse<String> wrong = post(http, INIT, "Bearer not-the-right-token-at-all", null);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains(
                    "Bearer realm=\"dojo-mcp\", error=\"invalid_token\"");
            assertThat(wrong.body()).doesNotContain("not-the-right-token");

            assertThat(post(http, INIT, "Basic " + TestServers.ADMIN_TOKEN, null).statusCode()).isEqualTo(401);
            assertThat(post(http, INIT, "Token " + TestServers.ADMIN_TOKEN, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void eachRole_listsExactlyTheToolsItMayCall_andIsRefusedTheRest() throws Exception {
        try (TestServers servers = TestServers.generated(10, 1, 3); HttpTransport http = start(servers)) {
            long finding = servers.rest("findings/?limit=1").path("results").get(0).path("id").asLong();
            Map<Role, String> tokens = Map.of(Role.ADMIN, TestServers.ADMIN_TOKEN, Role.WRITER, TestServers.WRITER_TOKEN,
                    Role.SCANNER, TestServers.SCANNER_TOKEN, Role.READER, TestServers.READER_TOKEN);
            for (Map.Entry<Role, String> e : tokens.entrySet()) {
                McpSyncClient client = MutationRateLimitTest.connect(http, e.getValue());
                try {
                    Set<String> listed = client.listTools().tools().stream().map(Tool::name).collect(Collectors.toSet());
                    Set<String> expected = servers.runtime().catalog().all().stream()
                            .filter(t -> e.getKey().permits(t.permission())).map(ToolSpec::name)
                            .collect(Collectors.toSet());
                    assertThat(listed).as(e.getKey().id()).isEqualTo(expected);
                    CallToolResult note = client.callTool(new CallToolRequest("add_finding_note",
                            Map.of("finding_id", finding, "entry", "checked by " + e.getKey().id())));
                    if (e.getKey() == Role.READER || e.getKey() == Role.SCANNER) {
                        assertThat(note.isError()).isTrue();
                        assertThat(TestServers.text(note)).startsWith("Error: permission denied (request ");
                    } else {
                        assertThat(note.isError()).as(TestServers.text(note)).isFalse();
                        assertThat(note.structuredContent().toString()).contains("outcome=committed");
                    }
                } finally {
                    client.closeGracefully();
                }
            }
            assertThat(servers.rest("findings/" + finding + "/notes/").path("notes").toString())
                    .contains("checked by admin", "checked by writer").doesNotContain("checked by reader");
        }
    }

    @Test
    void aSessionId_isNotAnIdentity_anotherCallerPresentingItGets404() throws Exception {
        try (TestServers servers = TestServers.generated(10, 1, 3); HttpTransport http = start(servers)) {
            HttpResponse<String> init = post(http, INIT, "Bearer " + TestServers.READER_TOKEN, null);
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
            assertThat(post(http, ping, "Bearer " + TestServers.READER_TOKEN, session).statusCode()).isEqualTo(200);
            assertThat(post(http, ping, "Bearer " + TestServers.ADMIN_TOKEN, session).statusCode()).isEqualTo(404);
            assertThat(post(http, ping, null, session).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void passthrough_callsDefectDojoWithTheCallersOwnKey() throws Exception {
        SandboxOptions options = SandboxOptions.generated(TestServers.KEY, 10, 1).withReadOnlyApiKey(READ_ONLY_KEY);
        try (TestServers servers = TestServers.start(options, WriteSettings.defaults(),
                TestServers.security().withAuth(AuthSettings.passthrough()));
                HttpTransport http = start(servers)) {
            long finding = servers.rest("findings/?limit=1").path("results").get(0).path("id").asLong();
            assertThat(post(http, INIT, "Token 0000000000000000000000000000000000000000", null).statusCode())
                    .isEqualTo(401);
            McpSyncClient readOnly = MutationRateLimitTest.connect(http, READ_ONLY_KEY);
            McpSyncClient admin = MutationRateLimitTest.connect(http, TestServers.KEY);
            try {
                assertThat(readOnly.listTools().tools()).hasSize(servers.runtime().catalog().all().size());
                assertThat(readOnly.callTool(new CallToolRequest("get_finding_by_id", Map.of("finding_id", finding)))
                        .isError()).isFalse();
                // The sandbox refuses writes with the read-only key: the caller's key, not the server's, was used.
                CallToolResult refused = readOnly.callTool(new CallToolRequest("add_finding_note",
                        Map.of("finding_id", finding, "entry", "from the read-only key")));
                assertThat(refused.isError()).isTrue();
                assertThat(refused.structuredContent().toString()).contains("outcome=rejected", "http_status=403");
                CallToolResult ok = admin.callTool(new CallToolRequest("add_finding_note",
                        Map.of("finding_id", finding, "entry", "from the admin key")));
                assertThat(ok.isError()).as(TestServers.text(ok)).isFalse();
            } finally {
                readOnly.closeGracefully();
                admin.closeGracefully();
            }
            assertThat(servers.rest("findings/" + finding + "/notes/").path("notes").toString())
                    .contains("from the admin key").doesNotContain("from the read-only key");
        }
    }

    @Test
    void aNetworkRuntimeWithoutAuthentication_doesNotStart() throws Exception {
        try (TestServers servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 5, 1),
                WriteSettings.defaults(), TestServers.security().withAuth(AuthSettings.none()))) {
            assertThatThrownBy(() -> start(servers)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("REQUIRE_AUTH=false");
        }
    }

    private static HttpTransport start(TestServers servers) throws Exception {
        return HttpTransport.start(servers.runtime(), HttpTransport.HttpOptions.loopback("127.0.0.1", 0), s -> { });
    }

    private static HttpResponse<String> post(HttpTransport http, String body, String authorization, String session)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.mcpUrl()).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (session != null) {
            b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
        }
        return RAW.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
