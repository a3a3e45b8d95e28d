package dev.dojomcp.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.TestServers;
import dev.dojomcp.testing.HttpMcpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The triage life of a finding, driven by the SDK's MCP client over Streamable HTTP against the
 * sandbox: each write is checked through the read tools, as an assistant would see it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingLifecycleOverMcpTest {
    private TestServers servers;
    private HttpMcpClient mcp;
    private McpSyncClient client;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.generated(300, 11, 3);
        mcp = HttpMcpClient.connect(servers.runtime());
        client = mcp.client();
    }

    @AfterAll
    void stop() {
        mcp.close();
        servers.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ok(String tool, Map<String, Object> args) {
        CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertThat(r.isError()).as(tool + ": " + TestServers.text(r)).isFalse();
        return (Map<String, Object>) r.structuredContent();
    }

    @SuppressWarnings("unchecked")
    private static long id(Map<String, Object> outcome, String name) {
        assertThat(outcome).containsEntry("outcome", "committed");
        return ((Number) ((Map<String, Object>) outcome.get("ids")).get(name)).longValue();
    }

    private static long num(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> finding(long id) {
        return (Map<String, Object>) TestServers.unwrap(ok("get_finding_by_id", Map.of("finding_id", id)));
    }

    @Test
    void aFinding_isCreatedVerifiedNotedTaggedDuplicatedAcceptedClosedAndReopened() {
        long productType = servers.rest("product_types/?limit=1").path("results").get(0).path("id").asLong();
        long owner = servers.rest("users/?limit=1").path("results").get(0).path("id").asLong();
        long product = id(ok("create_product", Map.of("name", "Lifecycle shop", "description", "web shop",
                "product_type_id", productType, "business_criticality", "high", "tags", List.of("pci"))), "product_id");
        long engagement = id(ok("create_engagement", Map.of("product_id", product, "name", "Q4 pentest",
                "target_start", "2026-10-01", "target_end", "2026-12-31")), "engagement_id");
        long test = id(ok("create_test", Map.of("engagement_id", engagement, "test_type_name", "ZAP Scan",
                "title", "manual checks")), "test_id");
        assertThat(num(ok("get_test_by_id", Map.of("test_id", test)), "engagement")).isEqualTo(engagement);

        long a = id(ok("create_finding", Map.of("test_id", test, "title", "Stored XSS in comments", "severity",
                "High", "description", "The comment field renders HTML.\nPayload: <script>", "cwe", 79)),
                "finding_id");
        assertThat(finding(a)).containsEntry("severity", "High").containsEntry("active", true)
                .containsEntry("verified", false).containsEntry("cwe", 79);

        ok("update_finding", Map.of("finding_id", a, "severity", "Critical", "mitigation", "Encode output.",
                "planned_remediation_date", "2026-12-15"));
        assertThat(finding(a)).containsEntry("severity", "Critical").containsEntry("mitigation", "Encode output.");

        ok("verify_finding", Map.of("finding_id", a, "note", "Reproduced by hand"));
        assertThat(finding(a)).containsEntry("verified", true);

        long note = id(ok("add_finding_note", Map.of("finding_id", a, "entry", "Owner: payments team")), "note_id");
        Map<String, Object> notes = ok("get_finding_notes", Map.of("finding_id", a));
        assertThat(notes.get("notes").toString()).contains("Owner: payments team", "Reproduced by hand")
                .contains("id=" + note);

        ok("add_finding_tags", Map.of("finding_id", a, "tags", List.of("team:payments", "sprint-42")));
        Map<String, Object> tagged = ok("get_findings", Map.of("tags", List.of("team:payments"), "product_id",
                product));
        assertThat(num(tagged, "count")).isEqualTo(1);

        long b = id(ok("create_finding", Map.of("test_id", test, "title", "Stored XSS in comment preview",
                "severity", "High", "description", "Same issue seen from the preview page.")), "finding_id");
        ok("mark_duplicate", Map.of("finding_id", b, "original_id", a, "note", "Same root cause"));
        assertThat(finding(b)).containsEntry("duplicate", true).containsEntry("active", false);
        assertThat(num(finding(b), "duplicate_finding")).isEqualTo(a);

        long c = id(ok("create_finding", Map.of("test_id", test, "title", "Verbose server banner", "severity",
                "Low", "description", "The Server header names the version.")), "finding_id");
        String until = LocalDate.now().plusDays(90).toString();
        long acceptance = id(ok("accept_risk", Map.of("finding_ids", List.of(c), "owner_id", owner,
                "reason", "Banner is behind the WAF; fix with the next platform upgrade", "expiration_date", until,
                "accepted_by", "CISO")), "risk_acceptance_id");
        Map<String, Object> acceptances = ok("list_risk_acceptances", Map.of("finding_id", c));
        assertThat(num(acceptances, "count")).isEqualTo(1);
        assertThat(acceptances.get("results").toString()).contains("id=" + acceptance).contains(until);
        assertThat(finding(c)).containsEntry("risk_accepted", true).containsEntry("active", false);

        ok("close_finding", Map.of("finding_id", a, "reason", "mitigated", "note", "Fixed in 4.2.1"));
        assertThat(finding(a)).containsEntry("is_mitigated", true).containsEntry("active", false);
        assertThat(num(ok("get_findings", Map.of("status", List.of("Closed"), "test_id", test)), "count"))
                .isEqualTo(1);

        ok("reopen_finding", Map.of("finding_id", a, "note", "Regression in 4.3.0"));
        assertThat(finding(a)).containsEntry("is_mitigated", false).containsEntry("active", true)
                .doesNotContainKey("mitigated");
        assertThat(num(ok("get_findings", Map.of("status", List.of("Active"), "test_id", test)), "count"))
                .isEqualTo(1);
        assertThat(ok("get_finding_notes", Map.of("finding_id", a)).get("notes").toString())
                .contains("Fixed in 4.2.1", "Regression in 4.3.0");

        ok("reopen_finding", Map.of("finding_id", b, "note", "Different root cause after all"));
        assertThat(finding(b)).containsEntry("duplicate", false).containsEntry("active", true)
                .doesNotContainKey("duplicate_finding");

        ok("remove_finding_tags", Map.of("finding_id", a, "tags", List.of("sprint-42")));
        assertThat(finding(a).get("tags")).isEqualTo(List.of("team:payments"));

        ok("update_engagement", Map.of("engagement_id", engagement, "version", "4.3.0", "status", "On Hold"));
        assertThat(ok("get_engagement_by_id", Map.of("engagement_id", engagement)))
                .containsEntry("version", "4.3.0").containsEntry("status", "On Hold");
        ok("close_engagement", Map.of("engagement_id", engagement));
        assertThat(ok("get_engagement_by_id", Map.of("engagement_id", engagement)))
                .containsEntry("status", "Completed").containsEntry("active", false);
    }

    @Test
    void stateRules_refuseBeforeAnythingIsSent_andNameFieldAndRule() {
        long mitigated = servers.rest("findings/?is_mitigated=true&duplicate=false&limit=1").path("results").get(0)
                .path("id").asLong();
        long writesBefore = servers.sandbox().stats().requests("/api/v2/findings/" + mitigated + "/");
        CallToolResult r = client.callTool(new McpSchema.CallToolRequest("update_finding",
                Map.of("finding_id", mitigated, "active", true)));
        assertThat(r.isError()).isTrue();
        assertThat(r.structuredContent().toString()).contains("outcome=rejected", "rejected_by=dojo-mcp",
                "field=active", "reopen_finding");
        // One GET to read the state, no PATCH.
        assertThat(servers.sandbox().stats().requests("/api/v2/findings/" + mitigated + "/"))
                .isEqualTo(writesBefore + 1);
    }

    @Test
    void defectDojoRejection_isSanitised_andNothingIsEchoed() {
        CallToolResult r = client.callTool(new McpSchema.CallToolRequest("create_engagement", Map.of(
                "product_id", 1, "name", "x", "target_start", "2026-01-01", "target_end", "2026-01-02",
                "lead_id", 987654)));
        assertThat(r.isError()).isTrue();
        String all = r.structuredContent().toString() + TestServers.text(r);
        assertThat(all).contains("outcome=rejected", "rejected_by=defectdojo", "http_status=400", "field=lead")
                .doesNotContain("987654").doesNotContain(TestServers.KEY).doesNotContain("127.0.0.1");
    }
}
