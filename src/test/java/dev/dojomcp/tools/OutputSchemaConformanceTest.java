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

    @TestFactory
    Stream<DynamicTest> everyTool_returnsContentMatchingItsOutputSchema() {
        long finding = firstId("findings");
        Map<String, Map<String, Object>> calls = Map.ofEntries(
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
                Map.entry("get_instance_info", Map.of()));
        JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();
        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(
                servers.runtime().catalog().all().stream().map(ToolSpec::name).toList());
        return servers.runtime().catalog().all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            CallToolResult r = servers.call(t.name(), calls.get(t.name()));
            Map<String, Object> content = TestServers.structured(r);
            var verdict = validator.validate(McpToolBinding.outputSchema(t), content);
            assertThat(verdict.valid()).as(verdict.errorMessage()).isTrue();
        }));
    }
}
