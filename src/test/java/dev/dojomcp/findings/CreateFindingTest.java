package dev.dojomcp.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.testing.TestServers;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** create_finding sends what DefectDojo requires: numerical_severity, and found_by from the setting or the test. */
class CreateFindingTest {
    @SuppressWarnings("unchecked")
    private static long created(TestServers servers, long test) {
        var r = servers.call("create_finding", Map.of("test_id", test, "title", "Open redirect", "severity", "Medium",
                "description", "The next parameter is not checked."));
        Map<String, Object> ids = (Map<String, Object>) TestServers.structured(r).get("ids");
        return ((Number) ids.get("finding_id")).longValue();
    }

    @Test
    void foundBy_isTheTestsOwnTestType_unlessConfigured() throws Exception {
        try (TestServers servers = TestServers.generated(30, 3, 3)) {
            JsonNode test = servers.rest("tests/?limit=1").path("results").get(0);
            JsonNode finding = servers.rest("findings/" + created(servers, test.path("id").asLong()) + "/");
            assertThat(finding.path("found_by").get(0).asLong()).isEqualTo(test.path("test_type").asLong());
            assertThat(finding.path("numerical_severity").asString()).isEqualTo("S2");
        }
        try (TestServers servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 30, 3),
                new WriteSettings(Optional.of(2L), Optional.empty(), 1024 * 1024))) {
            long test = servers.rest("tests/?limit=1").path("results").get(0).path("id").asLong();
            JsonNode finding = servers.rest("findings/" + created(servers, test) + "/");
            assertThat(finding.path("found_by").get(0).asLong()).isEqualTo(2);
        }
    }
}
