package dev.dojomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every tool's real result conforms to its published output schema. The server does not re-check
 * this on each call (see TrustedOutputValidator), so this test is where it is enforced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputSchemaConformanceTest {
    private TestServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.generated(1200, 17, 2);
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    private long firstId(String collection) {
        return servers.rest(collection + "/?limit=1").path("results").get(0).path("id").asLong();
    }

    private List<Long> ids(String query) {
        List<Long> out = new java.util.ArrayList<>();
        servers.rest(query).path("results").forEach(n -> out.add(n.path("id").asLong()));
        return out;
    }

    static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static final String GENERIC_REPORT = "{\"findings\": [{\"title\": \"Conformance finding\", \"severity\": "
            + "\"High\", \"description\": \"from the output schema test\"}]}";
    static final String QAI_REPORT = "{\"version\": \"0.6.0\", \"scan\": {\"server\": \"memory\"}, \"findings\": ["
            + "{\"rule_id\": \"QAI-AUTH-001\", \"category\": \"auth\", \"framework_ids\": {\"owasp_mcp_top10\": "
            + "\"MCP07\", \"cwe\": [\"CWE-306\"]}, \"title\": \"Unauthenticated tool enumeration\", "
            + "\"description\": \"Tools can be listed without credentials\", \"severity\": \"high\", \"evidence\": "
            + "\"tools/list answered\", \"remediation\": \"Require authentication\", \"tool_name\": \"\", "
            + "\"metadata\": {}, \"timestamp\": \"2026-11-20T10:00:00Z\", \"mitigation\": null}]}";

    /** Arguments for each write tool, on distinct findings so the order the tests run in does not matter. */
    private Map<String, Map<String, Object>> writeCalls() {
        List<Long> open = ids("findings/?active=true&verified=false&false_p=false&duplicate=false"
                + "&risk_accepted=false&is_mitigated=false&limit=6");
        long test = servers.rest("findings/" + open.get(5) + "/").path("test").asLong();
        List<Long> sameTest = ids("findings/?test=" + test + "&active=true&duplicate=false&limit=50").stream()
                .filter(id -> !open.subList(0, 5).contains(id)).toList();
        long mitigated = ids("findings/?is_mitigated=true&duplicate=false&limit=1").get(0);
        long engagement = firstId("engagements");
        String soon = java.time.LocalDate.now().plusDays(30).toString();
        return Map.ofEntries(
                Map.entry("create_finding", Map.of("test_id", test, "title", "Conformance", "severity", "Low",
                        "description", "created by the conformance test")),
                Map.entry("update_finding", Map.of("finding_id", open.get(0), "severity", "Low")),
                Map.entry("close_finding", Map.of("finding_id", open.get(1), "reason", "mitigated", "note", "fixed")),
                Map.entry("reopen_finding", Map.of("finding_id", mitigated, "note", "back")),
                Map.entry("verify_finding", Map.of("finding_id", open.get(2))),
                Map.entry("mark_duplicate", Map.of("finding_id", sameTest.get(0), "original_id", sameTest.get(1))),
                Map.entry("accept_risk", Map.of("finding_ids", List.of(open.get(3)), "owner_id", firstId("users"),
                        "reason", "compensating control", "expiration_date", soon)),
                Map.entry("add_finding_note", Map.of("finding_id", open.get(4), "entry", "a note")),
                Map.entry("add_finding_tags", Map.of("finding_id", open.get(4), "tags", List.of("conformance"))),
                Map.entry("remove_finding_tags", Map.of("finding_id", open.get(4), "tags", List.of("conformance"))),
                Map.entry("list_risk_acceptances", Map.of()),
                Map.entry("create_product", Map.of("name", "Conformance product", "description", "d",
                        "product_type_id", firstId("product_types"))),
                Map.entry("create_engagement", Map.of("product_id", firstId("products"), "name", "Conformance",
                        "target_start", "2026-01-01", "target_end", "2026-03-31")),
                Map.entry("update_engagement", Map.of("engagement_id", engagement, "version", "2.0")),
                Map.entry("close_engagement", Map.of("engagement_id", engagement)),
                Map.entry("create_test", Map.of("engagement_id", engagement, "test_type_id", firstId("test_types"))),
                Map.entry("import_scan", Map.of("scan_type", "Generic Findings Import", "file_content_base64",
                        base64(GENERIC_REPORT), "file_name", "report.json", "product_type_name", "Conformance",
                        "product_name", "Conformance imports", "engagement_name", "CI", "auto_create_context", true)),
                Map.entry("reimport_scan", Map.of("scan_type", "Generic Findings Import", "file_content_base64",
                        base64(GENERIC_REPORT), "file_name", "report.json", "product_type_name", "Conformance",
                        "product_name", "Conformance reimports", "engagement_name", "CI", "auto_create_context", true)),
                Map.entry("import_qai_findings", Map.of("report_content_base64", base64(QAI_REPORT),
                        "product_type_name", "Conformance", "product_name", "Conformance qai", "engagement_name",
                        "MCP audit", "auto_create_context", true)));
    }

    @org.junit.jupiter.api.Test
    void aRejectedWrite_alsoMatchesItsOutputSchema() {
        long mitigated = ids("findings/?is_mitigated=true&duplicate=false&limit=1").get(0);
        ToolSpec<?, ?> tool = servers.runtime().catalog().find("update_finding").orElseThrow();
        CallToolResult r = servers.call("update_finding", Map.of("finding_id", mitigated, "active", true));
        assertThat(r.isError()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) r.structuredContent();
        assertThat(content).containsEntry("outcome", "rejected").containsEntry("rejected_by", "dojo-mcp");
        var verdict = McpJsonDefaults.getSchemaValidator().validate(McpToolBinding.describe(tool).outputSchema(), content);
        assertThat(verdict.valid()).as(verdict.errorMessage()).isTrue();
    }

    @TestFactory
    Stream<DynamicTest> everyTool_returnsContentMatchingItsOutputSchema() {
        long finding = firstId("findings");
        Map<String, Map<String, Object>> calls = new java.util.HashMap<>(writeCalls());
        calls.putAll(Map.ofEntries(
                Map.entry("get_findings", Map.of("status", List.of("Active"), "limit", 20)),
                Map.entry("get_finding_by_id", Map.of("finding_id", finding, "detail", "full")),
                Map.entry("get_finding_notes", Map.of("finding_id", finding)),
                Map.entry("get_products", Map.of()),
                Map.entry("get_product_by_id", Map.of("product_id", firstId("products"))),
                Map.entry("get_product_types", Map.of()),
                Map.entry("get_product_type_by_id", Map.of("product_type_id", firstId("product_types"))),
                Map.entry("get_engagements", Map.of()),
                Map.entry("get_engagement_by_id", Map.of("engagement_id", firstId("engagements"))),
                Map.entry("get_tests", Map.of()),
                Map.entry("get_test_by_id", Map.of("test_id", firstId("tests"))),
                Map.entry("list_test_types", Map.of()),
                Map.entry("get_users", Map.of()),
                Map.entry("get_user_by_id", Map.of("user_id", firstId("users"))),
                Map.entry("get_groups", Map.of()),
                Map.entry("get_group_by_id", Map.of("group_id", firstId("dojo_groups"))),
                Map.entry("get_dojo_group_members", Map.of()),
                Map.entry("get_roles", Map.of()),
                Map.entry("finding_summary", Map.of()),
                Map.entry("risk_summary", Map.of()),
                Map.entry("health_check", Map.of()),
                Map.entry("get_instance_info", Map.of())));
        JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();
        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(
                servers.runtime().catalog().all().stream().map(ToolSpec::name).toList());
        return servers.runtime().catalog().all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            CallToolResult r = servers.call(t.name(), calls.get(t.name()));
            Map<String, Object> content = TestServers.structured(r);
            var verdict = validator.validate(McpToolBinding.describe(t).outputSchema(), content);
            assertThat(verdict.valid()).as(verdict.errorMessage()).isTrue();
        }));
    }
}
