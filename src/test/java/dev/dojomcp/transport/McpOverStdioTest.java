package dev.dojomcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.JavaProcess;
import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product as a desktop client runs it: a child process speaking MCP on stdin/stdout. */
class McpOverStdioTest {
    @Test
    void stdioServer_listsAllTools_andAnswersCalls() throws Exception {
        try (TestServers servers = TestServers.generated(800, 9, 3)) {
            List<String> cmd = JavaProcess.mainCommand("serve");
            ServerParameters params = ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size()))
                    .env(Map.of("DEFECTDOJO_URL", servers.sandbox().baseUrl().toString(),
                            "DEFECTDOJO_API_KEY", TestServers.KEY, "ALLOW_INSECURE_HTTP", "true",
                            "LOG_LEVEL", "warn"))
                    .build();
            StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
            StringBuilder stderr = new StringBuilder();
            transport.setStdErrorHandler(line -> stderr.append(line).append('\n'));
            McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
            try {
                client.initialize();
                assertThat(client.listTools().tools()).hasSize(dev.dojomcp.server.StandardCatalog.create().all().size());
                long id = servers.rest("findings/?limit=1").path("results").get(0).path("id").asLong();
                McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("get_finding_by_id",
                        Map.of("finding_id", id)));
                assertThat(r.isError()).as(TestServers.text(r)).isFalse();
                assertThat(TestServers.text(r)).startsWith("[untrusted-content]").contains("\n#" + id + " [");
                McpSchema.CallToolResult groups = client.callTool(new McpSchema.CallToolRequest("get_groups", Map.of()));
                assertThat(groups.isError()).isTrue();
                assertThat(TestServers.text(groups)).contains("no dojo_groups endpoint");
            } finally {
                client.closeGracefully();
            }
            dev.dojomcp.testing.TestLogs.recordChildStderr("dojo-mcp serve (SDK stdio client)", stderr.toString());
            assertThat(stderr.toString()).doesNotContain(TestServers.KEY);
        }
    }

    @Test
    void requestsWrittenJustBeforeEndOfInput_stillGetTheirAnswers() throws Exception {
        try (TestServers servers = TestServers.generated(300, 9, 3)) {
            String input = String.join("\n",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"finding_summary\","
                            + "\"arguments\":{}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}") + "\n";
            JavaProcess.Result r = JavaProcess.runWithInput(Map.of("DEFECTDOJO_URL",
                    servers.sandbox().baseUrl().toString(), "DEFECTDOJO_API_KEY", TestServers.KEY,
                    "ALLOW_INSECURE_HTTP", "true", "LOG_LEVEL", "debug"), input, "serve");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout().lines()).hasSize(3);
            assertThat(r.stderr()).doesNotContain(TestServers.KEY);
            assertThat(r.stdout()).contains("\"id\":1").contains("\"id\":2").contains("\"id\":3")
                    .contains("open_by_severity");
        }
    }

    @Test
    void linesThatAreNotJsonRpc_getAnError_andTheSessionGoesOn() throws Exception {
        try (TestServers servers = TestServers.generated(50, 9, 3)) {
            String input = String.join("\n", "this is not json", "{\"hello\":1}", "",
                    "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "[1,2", "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"tools/list\"}") + "\n";
            JavaProcess.Result r = JavaProcess.runWithInput(Map.of("DEFECTDOJO_URL",
                    servers.sandbox().baseUrl().toString(), "DEFECTDOJO_API_KEY", TestServers.KEY,
                    "ALLOW_INSECURE_HTTP", "true"), input, "serve");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            List<String> lines = r.stdout().lines().toList();
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).contains("\"code\":-32700");
            assertThat(lines.get(1)).contains("\"code\":-32600");
            assertThat(r.stdout()).contains("\"id\":\"a\",\"result\"").contains("\"id\":\"b\",\"result\"")
                    .contains("get_findings");
            assertThat(r.stderr()).doesNotContain("this is not json");
        }
    }

    @Test
    void toolsetsAndReadOnly_limitToolsList_andInstanceInfoReportsThem() throws Exception {
        try (TestServers servers = TestServers.generated(20, 9, 3)) {
            String input = String.join("\n",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                            + "\"get_instance_info\",\"arguments\":{}}}") + "\n";
            JavaProcess.Result r = JavaProcess.runWithInput(Map.of("DEFECTDOJO_URL",
                    servers.sandbox().baseUrl().toString(), "DEFECTDOJO_API_KEY", TestServers.KEY,
                    "ALLOW_INSECURE_HTTP", "true", "MCP_READ_ONLY", "true"), input, "serve", "--toolsets",
                    "system,analytics");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            String toolsList = r.stdout().lines().filter(l -> l.contains("\"id\":2")).findFirst().orElseThrow();
            assertThat(toolsList).contains("\"finding_summary\"").contains("\"health_check\"")
                    .doesNotContain("\"get_findings\"");
            String info = r.stdout().lines().filter(l -> l.contains("\"id\":3")).findFirst().orElseThrow();
            assertThat(info).contains("\"enabled_toolsets\":[\"analytics\",\"system\"]").contains("\"read_only\":true");
        }
    }

    @Test
    void readOnlyFlag_listsNoWriteTool_andToolsetsSelectTheImports() throws Exception {
        try (TestServers servers = TestServers.generated(20, 9, 3)) {
            String input = String.join("\n",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}") + "\n";
            Map<String, String> env = Map.of("DEFECTDOJO_URL", servers.sandbox().baseUrl().toString(),
                    "DEFECTDOJO_API_KEY", TestServers.KEY, "ALLOW_INSECURE_HTTP", "true");
            var catalog = dev.dojomcp.server.StandardCatalog.create();
            long readTools = catalog.all().stream().filter(t -> t.readOnly()).count();

            String readOnly = toolsList(JavaProcess.runWithInput(env, input, "serve", "--read-only"));
            assertThat(readOnly).doesNotContain("\"readOnlyHint\":false").contains("\"get_findings\"")
                    .doesNotContain("\"close_finding\"").doesNotContain("\"import_scan\"");
            assertThat(readOnly.split("\"readOnlyHint\":true", -1)).hasSize((int) readTools + 1);

            String imports = toolsList(JavaProcess.runWithInput(env, input, "serve", "--toolsets", "imports"));
            assertThat(imports).contains("\"import_scan\"", "\"reimport_scan\"", "\"import_qai_findings\"")
                    .doesNotContain("\"get_findings\"");

            String none = toolsList(JavaProcess.runWithInput(env, input, "serve", "--toolsets", "imports",
                    "--read-only"));
            assertThat(none).contains("\"tools\":[]");
        }
    }

    private static String toolsList(JavaProcess.Result r) {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().lines().filter(l -> l.contains("\"id\":2")).findFirst().orElseThrow();
    }
}
