package dev.dojomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.config.Environment;
import dev.dojomcp.server.StandardCatalog;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolSelectionTest {
    @Test
    void default_isEveryToolset_readWrite() {
        assertThat(ToolSelection.from(Environment.of(Map.of()), null, null)).isEqualTo(ToolSelection.all());
    }

    @Test
    void environment_andFlags_chooseToolsets_flagsWin() {
        Environment env = Environment.of(Map.of("MCP_TOOLSETS", "findings, System", "MCP_READ_ONLY", "true"));
        ToolSelection fromEnv = ToolSelection.from(env, null, null);
        assertThat(fromEnv.toolsets()).containsExactly(Toolset.FINDINGS, Toolset.SYSTEM);
        assertThat(fromEnv.readOnly()).isTrue();
        ToolSelection fromFlags = ToolSelection.from(env, "analytics", false);
        assertThat(fromFlags.toolsets()).containsExactly(Toolset.ANALYTICS);
        assertThat(fromFlags.readOnly()).isFalse();
        assertThat(StandardCatalog.create().select(fromEnv.toolsets(), fromEnv.readOnly()).all())
                .extracting(ToolSpec::name).containsExactly("get_finding_by_id", "get_finding_notes", "get_findings",
                        "list_risk_acceptances", "get_instance_info", "health_check");
    }

    @Test
    void unknownToolset_andBadReadOnly_nameTheirVariable() {
        assertThatThrownBy(() -> ToolSelection.from(Environment.of(Map.of("MCP_TOOLSETS", "findings,jira")), null,
                null)).hasMessageStartingWith("MCP_TOOLSETS:").hasMessageContaining("valid: all, findings");
        assertThatThrownBy(() -> ToolSelection.from(Environment.of(Map.of()), " , ", null))
                .hasMessageStartingWith("--toolsets:");
        assertThatThrownBy(() -> ToolSelection.from(Environment.of(Map.of("MCP_READ_ONLY", "sometimes")), null, null))
                .hasMessageStartingWith("MCP_READ_ONLY:");
        assertThat(ToolSelection.from(Environment.of(Map.of()), "all", null).toolsets())
                .isEqualTo(EnumSet.allOf(Toolset.class));
    }
}
