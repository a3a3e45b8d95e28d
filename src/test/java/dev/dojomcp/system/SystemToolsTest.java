package dev.dojomcp.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.sandbox.FaultSpec;
import dev.dojomcp.testing.TestServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SystemToolsTest {
    @ParameterizedTest
    @CsvSource({"2, 2.58.4, 2.x, true", "3, 3.2.0, 3.x, false"})
    @SuppressWarnings("unchecked")
    void instanceInfo_reportsVersionCapabilitiesAndToolsets(int dojo, String version, String generation,
            boolean rbac) throws Exception {
        try (TestServers servers = TestServers.generated(50, 2, dojo)) {
            Map<String, Object> info = TestServers.structured(servers.call("get_instance_info", Map.of()));
            assertThat(info).containsEntry("defectdojo_version", version).containsEntry("api_generation", generation)
                    .containsEntry("groups_and_roles", rbac).containsEntry("read_only", false);
            assertThat((List<Object>) info.get("enabled_toolsets"))
                    .containsExactly("findings", "products", "imports", "users", "analytics", "system");
            assertThat((List<Object>) info.get("endpoints")).contains("findings", "products");
        }
    }

    @Test
    void healthCheck_reportsOk_thenUnhealthyWithoutFailing() throws Exception {
        try (TestServers servers = TestServers.generated(10, 2, 3)) {
            Map<String, Object> ok = TestServers.structured(servers.call("health_check", Map.of()));
            assertThat(ok).containsEntry("status", "ok").containsEntry("defectdojo_reachable", true);
            servers.sandbox().faults().set(FaultSpec.status(500));
            Map<String, Object> bad = TestServers.structured(servers.call("health_check", Map.of()));
            assertThat(bad).containsEntry("status", "unhealthy");
            assertThat((String) bad.get("problem")).isEqualTo("DefectDojo is unavailable (HTTP 500)");
        }
    }
}
