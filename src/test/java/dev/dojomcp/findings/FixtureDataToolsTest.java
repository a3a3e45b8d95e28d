package dev.dojomcp.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.testing.TestServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tools over DefectDojo's own unit-test fixture (fixed ids and users), served by the sandbox in
 * 2.x mode. Skipped with a message when ../shared is absent.
 */
class FixtureDataToolsTest {
    private static final String ADMIN_FIXTURE_TOKEN = "548afd6fab3bea9794a41b31da0e9404f733e222";

    @Test
    @SuppressWarnings("unchecked")
    void toolsReadDefectDojosTestData() throws Exception {
        Path fixture = TestServers.sharedData("fixtures/dojo_testdata.json");
        try (TestServers servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 0, 1)
                .withFixture(fixture).withDojoVersion(2))) {
            Map<String, Object> all = TestServers.structured(servers.call("get_findings", Map.of("limit", 1)));
            assertThat(((Number) all.get("count")).longValue()).isEqualTo(21);

            Map<String, Object> product = TestServers.structured(servers.call("get_product_by_id",
                    Map.of("product_id", 1)));
            assertThat(product).containsEntry("name", "Python How-to");

            Map<String, Object> finding = TestServers.unwrapped(servers.call("get_finding_by_id",
                    Map.of("finding_id", 2, "detail", "full")));
            assertThat(finding).containsEntry("title", "High Impact Test Finding").containsEntry("severity", "High");
            assertThat((Map<String, Object>) finding.get("raw")).containsKey("hash_code");

            Map<String, Object> users = TestServers.structured(servers.call("get_users", Map.of("username", "admin")));
            assertThat((List<Map<String, Object>>) users.get("results")).extracting(u -> u.get("username"))
                    .contains("admin");

            Map<String, Object> groups = TestServers.structured(servers.call("get_groups", Map.of()));
            assertThat(((Number) groups.get("count")).longValue()).isEqualTo(2);

            Map<String, Object> summary = TestServers.structured(servers.call("finding_summary",
                    Map.of("product_id", 1)));
            assertThat(((Number) summary.get("total")).longValue())
                    .isEqualTo(servers.restCount("test__engagement__product=1"));
        }
    }

    @Test
    void fixtureTokens_authenticateTheServer() throws Exception {
        Path fixture = TestServers.sharedData("fixtures/dojo_testdata.json");
        try (var sandbox = dev.dojomcp.sandbox.SandboxServer.start(SandboxOptions.generated(TestServers.KEY, 0, 1)
                .withFixture(fixture));
                var runtime = new dev.dojomcp.server.ServerRuntime(
                        TestServers.connection(sandbox.baseUrl(), ADMIN_FIXTURE_TOKEN),
                        dev.dojomcp.config.Transport.STDIO, dev.dojomcp.server.ServerRuntime.allToolsets(),
                        java.time.Clock.systemUTC())) {
            var health = runtime.pipeline().call(runtime.catalog().find("health_check").orElseThrow(), Map.of(),
                    io.modelcontextprotocol.common.McpTransportContext.EMPTY);
            assertThat(TestServers.text(health)).startsWith("ok:").contains("as admin");
        }
    }
}
