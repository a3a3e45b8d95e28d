package dev.dojomcp.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * import_qai_findings against the sandbox: both report shapes land with the right severities (the
 * documented script turned every CLI finding into Info), and repeating a scan adds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QaiImportToolTest {
    private TestServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.generated(50, 8, 3);
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = QaiImportToolTest.class.getResourceAsStream("/qai/" + name)) {
            return Base64.getEncoder().encodeToString(in.readAllBytes());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> importReport(String fixture, String product) throws IOException {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("report_content_base64", fixture(fixture));
        args.put("product_type_name", "MCP servers");
        args.put("product_name", product);
        args.put("engagement_name", "Weekly qai audit");
        args.put("auto_create_context", true);
        CallToolResult r = servers.call("import_qai_findings", args);
        assertThat(r.isError()).as(TestServers.text(r)).isFalse();
        return (Map<String, Object>) ((Map<String, Object>) r.structuredContent()).get("result");
    }

    @SuppressWarnings("unchecked")
    private static long testId(Map<String, Object> result) {
        return ((Number) ((Map<String, Object>) result.get("import")).get("test_id")).longValue();
    }

    private long count(long test, String severity) {
        return servers.restCount("test=" + test + (severity == null ? "" : "&severity=" + severity));
    }

    @Test
    void cliReport_keepsSeverities_andRerunsCreateNoDuplicates() throws IOException {
        Map<String, Object> first = importReport("cli-run1.json", "memory server (cli)");
        assertThat(first).containsEntry("report_shape", "cli-json").containsEntry("findings_in_report", 9);
        long test = testId(first);
        assertThat(count(test, null)).isEqualTo(9);
        assertThat(count(test, "Critical")).isEqualTo(2);
        assertThat(count(test, "High")).isEqualTo(2);
        assertThat(count(test, "Medium")).isEqualTo(2);
        assertThat(count(test, "Low")).isEqualTo(2);
        assertThat(count(test, "Info")).isEqualTo(1);

        for (String rerun : new String[] {"cli-run1.json", "cli-run2.json"}) {
            Map<String, Object> again = importReport(rerun, "memory server (cli)");
            @SuppressWarnings("unchecked")
            Map<String, Object> stats = (Map<String, Object>) again.get("import");
            assertThat(testId(again)).isEqualTo(test);
            assertThat(stats).containsEntry("reimported", true);
            assertThat(((Number) stats.get("created")).longValue()).as(rerun).isZero();
            assertThat(count(test, null)).as(rerun).isEqualTo(9);
        }
    }

    @Test
    void runBundle_withIntegerSeveritiesAndJsonStringFields_landsTheSame() throws IOException {
        Map<String, Object> first = importReport("bundle-run1.json", "memory server (bundle)");
        assertThat(first).containsEntry("report_shape", "run-bundle");
        long test = testId(first);
        assertThat(count(test, "Critical")).isEqualTo(2);
        assertThat(count(test, "Info")).isEqualTo(1);
        JsonNode finding = servers.rest("findings/?test=" + test + "&severity=Critical&limit=1").path("results").get(0);
        assertThat(finding.path("tags").toString()).contains("owasp-mcp:");
        importReport("bundle-run1.json", "memory server (bundle)");
        assertThat(count(test, null)).isEqualTo(9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFindingGoneFromTheNextScan_isClosed() throws IOException {
        long test = testId(importReport("cli-run1.json", "memory server (fixed)"));
        tools.jackson.databind.node.ObjectNode run2;
        try (InputStream in = getClass().getResourceAsStream("/qai/cli-run2.json")) {
            run2 = (tools.jackson.databind.node.ObjectNode) dev.dojomcp.defectdojo.Json.mapper().readTree(in);
        }
        ((tools.jackson.databind.node.ArrayNode) run2.get("findings")).remove(0);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("report_content_base64", Base64.getEncoder().encodeToString(
                dev.dojomcp.defectdojo.Json.mapper().writeValueAsBytes(run2)));
        args.put("product_name", "memory server (fixed)");
        args.put("engagement_name", "Weekly qai audit");
        CallToolResult r = servers.call("import_qai_findings", args);
        assertThat(r.isError()).as(TestServers.text(r)).isFalse();
        Map<String, Object> stats = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                r.structuredContent()).get("result")).get("import");
        assertThat(stats).containsEntry("reimported", true);
        assertThat(((Number) stats.get("closed")).longValue()).isEqualTo(1);
        assertThat(((Number) stats.get("created")).longValue()).isZero();
        assertThat(((Number) stats.get("untouched")).longValue()).isEqualTo(8);
        assertThat(servers.restCount("test=" + test + "&active=true")).isEqualTo(8);
    }

    @Test
    void notAQaiReport_isRefusedWithoutEchoingIt() throws IOException {
        CallToolResult r = servers.call("import_qai_findings", Map.of("report_content_base64",
                fixture("bad-no-findings.json"), "engagement_id", 1));
        assertThat(r.isError()).isTrue();
        assertThat(TestServers.text(r)).contains("'report_content_base64'", "no findings list");
    }
}
