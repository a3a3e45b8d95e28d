package dev.dojomcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.sandbox.FaultMode;
import dev.dojomcp.sandbox.FaultSpec;
import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whatever DefectDojo does wrong, the client sees a generic message with a request id and nothing of DefectDojo's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSanitisationTest {
    private TestServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.generated(200, 4, 3);
        servers.runtime().dojo().refreshCapabilities();
    }

    @AfterEach
    void clear() {
        servers.sandbox().faults().clear();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    @ParameterizedTest
    @EnumSource(FaultMode.class)
    void everyFaultMode_givesAGenericToolError(FaultMode mode) {
        servers.sandbox().faults().set(FaultSpec.always(mode).withPathPrefix("/api/v2/findings/"));
        CallToolResult r = servers.call("get_findings", Map.of("severity", java.util.List.of("High")));
        assertThat(r.isError()).isTrue();
        String text = TestServers.text(r);
        assertThat(text).matches("Error: .* \\(request [0-9a-f]{16}\\)");
        assertThat(text).doesNotContain(TestServers.KEY).doesNotContain("127.0.0.1")
                .doesNotContain(String.valueOf(servers.sandbox().port())).doesNotContain("<html")
                .doesNotContain("/api/v2").doesNotContain("Exception");
    }

    @ParameterizedTest
    @EnumSource(value = FaultMode.class, names = {"STATUS", "RESET"})
    void transientFaults_onAGet_areRetried(FaultMode mode) {
        servers.sandbox().faults().set(FaultSpec.always(mode).withStatus(503).withRemaining(2)
                .withPathPrefix("/api/v2/findings/"));
        CallToolResult r = servers.call("get_findings", Map.of("limit", 1));
        assertThat(r.isError()).as(TestServers.text(r)).isFalse();
    }
}
