package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.TestServers;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.ToolSpec;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every tool × every role, with the expected answer derived from the declarations alone: a role may
 * call a tool exactly when its groups contain the tool's permission group. A denied call must be
 * refused before any DefectDojo request.
 */
class RbacMatrixTest {
    private static TestServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = TestServers.generated(40, 11, 3);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void everyToolForEveryRole_isAllowedExactlyWhenTheRoleHasTheToolsGroup() {
        List<String> unexpectedAllows = new ArrayList<>();
        List<String> unexpectedDenials = new ArrayList<>();
        int cells = 0;
        for (ToolSpec<?, ?> tool : servers.runtime().catalog().all()) {
            for (Role role : Role.values()) {
                cells++;
                boolean expected = role.groups().contains(tool.permission());
                long before = servers.sandbox().stats().totalRequests();
                CallToolResult r = servers.runtime().pipeline().call(tool, Map.of(), as(Caller.service("matrix", role)));
                boolean denied = TestServers.text(r).startsWith("Error: permission denied (request ");
                if (denied && expected) {
                    unexpectedDenials.add(tool.name() + " × " + role.id());
                }
                if (!denied && !expected) {
                    unexpectedAllows.add(tool.name() + " × " + role.id());
                }
                if (denied) {
                    assertThat(servers.sandbox().stats().totalRequests()).as("no DefectDojo call for a denied " + tool.name())
                            .isEqualTo(before);
                }
            }
        }
        assertThat(unexpectedAllows).as("unexpected allows").isEmpty();
        assertThat(unexpectedDenials).as("unexpected denials").isEmpty();
        assertThat(cells).isEqualTo(servers.runtime().catalog().all().size() * 4);
    }

    @Test
    void rolesAreNested_andReadersGetOnlyReadOnlyTools() {
        assertThat(Role.ADMIN.groups()).containsAll(Role.WRITER.groups());
        assertThat(Role.WRITER.groups()).containsAll(Role.SCANNER.groups());
        assertThat(Role.SCANNER.groups()).containsAll(Role.READER.groups());
        assertThat(Role.ADMIN.groups()).containsExactlyInAnyOrder(PermissionGroup.values());
        for (ToolSpec<?, ?> tool : servers.runtime().catalog().all()) {
            if (Role.READER.permits(tool.permission())) {
                assertThat(tool.readOnly()).as(tool.name() + " is callable by readers").isTrue();
            }
        }
    }

    @Test
    void aCallWithoutAnAuthenticatedCaller_isRefusedOnANetworkRuntime() {
        AccessControl http = new AccessControl(TestServers.security(), java.util.Optional.empty(),
                servers.runtime().dojo(), java.time.Duration.ofSeconds(5));
        assertThat(http.caller(McpTransportContext.EMPTY)).isEmpty();
        assertThat(servers.runtime().access().caller(McpTransportContext.EMPTY)).contains(Caller.local());
    }

    static McpTransportContext as(Caller caller) {
        return McpTransportContext.create(Map.of(Callers.KEY, caller));
    }
}
