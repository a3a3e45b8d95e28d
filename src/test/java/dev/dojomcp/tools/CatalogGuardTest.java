package dev.dojomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.server.StandardCatalog;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules every tool declaration must follow; a new tool that breaks one fails here. */
class CatalogGuardTest {
    private final ToolCatalog catalog = StandardCatalog.create();

    static final Set<String> READ_TOOLS = Set.of(
            "get_findings", "get_finding_by_id", "get_products", "get_product_types", "get_engagements",
            "get_tests", "get_users", "get_user_by_id", "get_groups", "get_group_by_id",
            "get_dojo_group_members", "get_roles", "get_product_by_id", "get_product_type_by_id",
            "get_engagement_by_id", "get_test_by_id", "finding_summary", "risk_summary", "list_test_types",
            "get_finding_notes", "health_check", "get_instance_info", "list_risk_acceptances");
    static final Set<String> WRITE_TOOLS = Set.of(
            "create_product", "create_engagement", "update_engagement", "close_engagement", "create_test",
            "create_finding", "update_finding", "close_finding", "reopen_finding", "verify_finding", "mark_duplicate",
            "accept_risk", "add_finding_note", "add_finding_tags", "remove_finding_tags", "import_scan",
            "reimport_scan", "import_qai_findings");

    @Test
    void catalog_hasTheProReadSurface_theWriteTools_andOurOwn() {
        java.util.Set<String> all = new java.util.HashSet<>(READ_TOOLS);
        all.addAll(WRITE_TOOLS);
        assertThat(catalog.all()).extracting(ToolSpec::name).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void writeTools_areAnnotatedAsWrites_andNeedAManagementPermission() {
        for (ToolSpec<?, ?> t : catalog.all()) {
            if (!WRITE_TOOLS.contains(t.name())) {
                continue;
            }
            assertThat(t.hints().readOnly()).as(t.name()).isFalse();
            assertThat(t.permission()).as(t.name()).isNotIn(PermissionGroup.SYSTEM, PermissionGroup.METADATA_READ);
            assertThat(McpToolBinding.outputSchema(t)).as(t.name()).extracting(m -> ((Map<?, ?>) m.get("properties"))
                    .keySet()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
                    .contains("outcome", "ids", "steps");
        }
    }

    @Test
    void writeHints_matchWhatTheToolsDo() {
        for (String name : Set.of("create_finding", "create_product", "create_engagement", "create_test",
                "add_finding_note", "import_scan")) {
            assertThat(catalog.find(name).orElseThrow().hints().idempotent()).as(name).isFalse();
        }
        for (String name : Set.of("update_finding", "close_finding", "reopen_finding", "mark_duplicate",
                "remove_finding_tags", "update_engagement", "close_engagement", "accept_risk", "import_scan",
                "reimport_scan")) {
            assertThat(catalog.find(name).orElseThrow().hints().destructive()).as(name).isTrue();
        }
        for (String name : Set.of("create_finding", "add_finding_note", "add_finding_tags", "verify_finding")) {
            assertThat(catalog.find(name).orElseThrow().hints().destructive()).as(name).isFalse();
        }
    }

    @Test
    void everyTool_isFullyDeclared() {
        for (ToolSpec<?, ?> t : catalog.all()) {
            assertThat(t.title()).as(t.name()).isNotBlank();
            assertThat(t.description()).as(t.name()).hasSizeBetween(20, 2000);
            assertThat(t.toolset()).as(t.name()).isNotNull();
            assertThat(t.permission()).as(t.name()).isNotNull();
            var described = McpToolBinding.describe(t);
            assertThat(described.annotations().readOnlyHint()).as(t.name()).isNotNull();
            assertThat(described.annotations().destructiveHint()).as(t.name()).isNotNull();
            assertThat(described.annotations().idempotentHint()).as(t.name()).isNotNull();
        }
    }

    @Test
    void readTools_areReadOnly_andNeverDestructive() {
        for (ToolSpec<?, ?> t : catalog.all()) {
            if (!READ_TOOLS.contains(t.name())) {
                continue;
            }
            assertThat(t.hints().readOnly()).as(t.name()).isTrue();
            assertThat(t.hints().destructive()).as(t.name()).isFalse();
            assertThat(t.permission()).as(t.name()).isIn(PermissionGroup.SYSTEM, PermissionGroup.METADATA_READ);
        }
    }

    @Test
    void schemas_arePlainObjects_withoutTopLevelCombinators_andRefuseUnknownArguments() {
        for (ToolSpec<?, ?> t : catalog.all()) {
            Map<String, Object> in = McpToolBinding.inputSchema(t);
            Map<String, Object> out = McpToolBinding.outputSchema(t);
            assertThat(in).as(t.name()).containsEntry("type", "object").containsEntry("additionalProperties", false)
                    .doesNotContainKeys("anyOf", "oneOf", "allOf");
            assertThat(out).as(t.name()).containsEntry("type", "object").doesNotContainKeys("anyOf", "oneOf", "allOf");
        }
    }

    @Test
    void listTools_pageWithLimitAndOffset() {
        Set<String> unpaged = Set.of("finding_summary", "risk_summary", "health_check", "get_instance_info",
                "get_finding_notes");
        for (ToolSpec<?, ?> t : catalog.all()) {
            if (t.name().endsWith("_by_id") || unpaged.contains(t.name()) || !t.readOnly()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> props = (Map<String, Map<String, Object>>) McpToolBinding.inputSchema(t)
                    .get("properties");
            assertThat(props).as(t.name()).containsKeys("limit", "offset");
            Map<String, Object> limit = props.get("limit");
            assertThat(((Number) limit.get("minimum")).intValue()).as(t.name()).isEqualTo(1);
            assertThat(((Number) limit.get("maximum")).intValue()).as(t.name()).isEqualTo(1000);
            assertThat(((Number) limit.get("default")).intValue()).as(t.name()).isEqualTo(100);
        }
    }

    @Test
    void selection_byToolsetAndReadOnly() {
        assertThat(catalog.select(Set.of(Toolset.SYSTEM), false).all()).extracting(ToolSpec::name)
                .containsExactly("get_instance_info", "health_check");
        assertThat(catalog.select(Set.of(Toolset.values()), true).all()).extracting(ToolSpec::name)
                .containsExactlyInAnyOrderElementsOf(READ_TOOLS);
        assertThat(catalog.select(Set.of(Toolset.IMPORTS), false).all()).extracting(ToolSpec::name)
                .containsExactly("import_qai_findings", "import_scan", "reimport_scan");
        assertThat(catalog.select(Set.of(Toolset.IMPORTS), true).all()).isEmpty();
    }
}
