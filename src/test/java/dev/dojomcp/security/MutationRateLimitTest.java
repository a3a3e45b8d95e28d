package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.testing.HttpMcpClient;
import dev.dojomcp.testing.TestServers;
import dev.dojomcp.transport.HttpTransport;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MutationRateLimitTest {
    private static final LimitSettings DEFAULTS = LimitSettings.defaults();

    @Test
    void the61stMutationInsideAMinute_isRefusedWithARetryHint_forThatCallerOnly() throws Exception {
        try (TestServers servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 20, 3),
                WriteSettings.defaults(), TestServers.security().withLimits(DEFAULTS));
                HttpTransport http = HttpTransport.start(servers.runtime(),
                        HttpTransport.HttpOptions.loopback("127.0.0.1", 0), s -> { })) {
            long finding = servers.rest("findings/?limit=1").path("results").get(0).path("id").asLong();
            McpSyncClient writer = connect(http, TestServers.WRITER_TOKEN);
            McpSyncClient admin = connect(http, TestServers.ADMIN_TOKEN);
            try {
                for (int i = 1; i <= 60; i++) {
                    CallToolResult r = writer.callTool(note(finding, i, "agent-" + i));
                    assertThat(r.isError()).as("mutation %d: %s", i, TestServers.text(r)).isFalse();
                }
                // A fresh, client-reported id does not make a fresh caller (inspicere F-004).
                CallToolResult refused = writer.callTool(note(finding, 61, "someone-else"));
                assertThat(refused.isError()).isTrue();
                assertThat(TestServers.text(refused)).matches("Error: rate limit exceeded: 60 changes per 60 s for "
                        + "this caller; retry after [1-6]?[0-9] s \\(request [0-9a-f]{16}\\)");
                assertThat(servers.rest("findings/" + finding + "/notes/").path("notes").size()).isEqualTo(60);

                assertThat(admin.callTool(note(finding, 62, "admin")).isError()).as("another caller").isFalse();
                assertThat(writer.callTool(new CallToolRequest("get_finding_by_id", Map.of("finding_id", finding)))
                        .isError()).as("reads are not limited").isFalse();
            } finally {
                writer.closeGracefully();
                admin.closeGracefully();
            }
        }
    }

    @Test
    void openAccessCallers_shareOneSmallBucket_andDeniedCallsUseNoRate() throws Exception {
        try (TestServers servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 5, 3),
                WriteSettings.defaults(), TestServers.security().withLimits(DEFAULTS))) {
            var pipeline = servers.runtime().pipeline();
            var create = servers.runtime().catalog().find("create_product").orElseThrow();
            for (int i = 0; i < 10; i++) {
                // Invalid arguments: refused after the rate check, so each one still counts.
                Caller anyone = Caller.openAccess();
                assertThat(TestServers.text(pipeline.call(create, Map.of(), RbacMatrixTest.as(anyone))))
                        .doesNotContain("rate limit");
            }
            assertThat(TestServers.text(pipeline.call(create, Map.of(), RbacMatrixTest.as(Caller.openAccess()))))
                    .contains("rate limit exceeded: 10 changes per 60 s shared by all unauthenticated callers");

            Caller reader = Caller.service("reader", Role.READER);
            for (int i = 0; i < 70; i++) {
                assertThat(TestServers.text(pipeline.call(create, Map.of(), RbacMatrixTest.as(reader))))
                        .startsWith("Error: permission denied");
            }
        }
    }

    private static CallToolRequest note(long finding, int i, String clientId) {
        return CallToolRequest.builder().name("add_finding_note")
                .arguments(Map.of("finding_id", finding, "entry", "triage note " + i))
                .meta(Map.of("client_id", clientId)).build();
    }

    static McpSyncClient connect(HttpTransport http, String token) {
        McpSyncClient client = McpClient.sync(HttpMcpClient.client(http, token)).requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return client;
    }
}
