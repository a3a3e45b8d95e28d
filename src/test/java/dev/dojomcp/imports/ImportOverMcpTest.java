package dev.dojomcp.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.testing.TestServers;
import dev.dojomcp.testing.HttpMcpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Imports through an MCP client: progress notifications while uploading, and refusals that never reach DefectDojo. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportOverMcpTest {
    @TempDir
    static Path root;
    private TestServers servers;
    private HttpMcpClient mcp;
    private McpSyncClient client;
    private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createDirectories(root.resolve("reports"));
        StringBuilder big = new StringBuilder("{\"findings\": [");
        for (int i = 0; i < 3000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"title\": \"Finding ").append(i)
                    .append("\", \"severity\": \"Low\", \"description\": \"").append("x".repeat(300)).append("\"}");
        }
        Files.writeString(dir.resolve("big.json"), big.append("]}"), StandardCharsets.UTF_8);
        Files.writeString(root.resolve("outside.json"), "{\"findings\": []}");
        Files.createSymbolicLink(dir.resolve("escape.json"), root.resolve("outside.json"));
        servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 20, 4),
                WriteSettings.defaults().withImportDir(dir));
        mcp = HttpMcpClient.connect(servers.runtime(), spec -> spec.progressConsumer(progress::add));
        client = mcp.client();
    }

    @AfterAll
    void stop() {
        mcp.close();
        servers.close();
    }

    private CallToolResult importFile(String path, Object progressToken) {
        McpSchema.CallToolRequest.Builder b = McpSchema.CallToolRequest.builder().name("import_scan")
                .arguments(Map.of("scan_type", "Generic Findings Import", "file_path", path, "product_type_name",
                        "Imports", "product_name", "Big", "engagement_name", "CI", "auto_create_context", true));
        if (progressToken != null) {
            b.progressToken(progressToken);
        }
        return client.callTool(b.build());
    }

    @Test
    void largeUpload_sendsProgressNotifications_endingAtTheTotal() {
        CallToolResult r = importFile("big.json", "upload-1");
        assertThat(r.isError()).as(TestServers.text(r)).isFalse();
        List<McpSchema.ProgressNotification> mine = progress.stream()
                .filter(p -> "upload-1".equals(p.progressToken())).toList();
        // The SDK client may hand notifications to the consumer out of order; the server sends them in order.
        assertThat(mine).hasSizeGreaterThanOrEqualTo(3);
        double total = mine.get(0).total();
        assertThat(mine).extracting(McpSchema.ProgressNotification::progress).doesNotHaveDuplicates()
                .allMatch(p -> p > 0 && p <= total).contains(total);
        assertThat(r.structuredContent().toString()).contains("created=3000");
    }

    @Test
    void reimportAndQaiImport_overMcp_addNothingTheSecondTime() throws Exception {
        Map<String, Object> reimport = Map.of("scan_type", "Generic Findings Import", "file_content_base64",
                java.util.Base64.getEncoder().encodeToString(("{\"findings\": [{\"title\": \"Weak TLS\", "
                        + "\"severity\": \"Medium\", \"description\": \"TLS 1.0 enabled\"}]}")
                        .getBytes(StandardCharsets.UTF_8)), "file_name", "tls.json", "product_type_name", "Imports",
                "product_name", "Edge", "engagement_name", "CI", "auto_create_context", true);
        assertThat(client.callTool(new McpSchema.CallToolRequest("reimport_scan", reimport)).structuredContent()
                .toString()).contains("outcome=committed", "created=1");
        assertThat(client.callTool(new McpSchema.CallToolRequest("reimport_scan", reimport)).structuredContent()
                .toString()).contains("outcome=committed", "created=0", "untouched=1");

        String qai;
        try (var in = getClass().getResourceAsStream("/qai/bundle-run1.json")) {
            qai = java.util.Base64.getEncoder().encodeToString(in.readAllBytes());
        }
        Map<String, Object> args = Map.of("report_content_base64", qai, "product_type_name", "MCP servers",
                "product_name", "memory", "engagement_name", "audit", "auto_create_context", true);
        assertThat(client.callTool(new McpSchema.CallToolRequest("import_qai_findings", args)).structuredContent()
                .toString()).contains("outcome=committed", "created=9");
        assertThat(client.callTool(new McpSchema.CallToolRequest("import_qai_findings", args)).structuredContent()
                .toString()).contains("outcome=committed", "created=0", "untouched=9");
    }

    @Test
    void traversalSymlinkAndUnknownFiles_areRefused_beforeAnyUpload() {
        long before = servers.sandbox().stats().requests("/api/v2/import-scan/");
        for (String path : List.of("../outside.json", "escape.json", "/etc/passwd", "missing.json")) {
            CallToolResult r = importFile(path, null);
            assertThat(r.isError()).as(path).isTrue();
            assertThat(TestServers.text(r)).as(path).contains("'file_path'").doesNotContain(root.toString());
        }
        assertThat(servers.sandbox().stats().requests("/api/v2/import-scan/")).isEqualTo(before);
    }
}
