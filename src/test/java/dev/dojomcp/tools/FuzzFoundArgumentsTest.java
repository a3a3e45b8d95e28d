package dev.dojomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arguments {@link ToolArgumentFuzzTest} found to end in "internal error" (the SDK's schema check
 * stops them over MCP, the pipeline alone did not): each is now refused naming its field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzFoundArgumentsTest {
    private TestServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.generated(50, 7, 3);
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    private static List<Object> withNull() {
        List<Object> list = new ArrayList<>();
        list.add(null);
        return list;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("get_findings", "severity", withNull()),
                Arguments.of("get_findings", "status", withNull()),
                Arguments.of("get_findings", "date", withNull()),
                Arguments.of("get_findings", "cwe", withNull()),
                Arguments.of("get_findings", "epss_score_max", new BigDecimal("1e400")),
                Arguments.of("get_findings", "epss_score_min", -0.5),
                Arguments.of("finding_summary", "date", withNull()),
                Arguments.of("get_products", "business_criticality", withNull()),
                Arguments.of("get_products", "platform", withNull()),
                Arguments.of("get_products", "lifecycle", withNull()),
                Arguments.of("risk_summary", "limit", -1),
                Arguments.of("risk_summary", "limit", 51));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("cases")
    void isRefusedNamingTheField(String tool, String field, Object value) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put(field, value);
        CallToolResult r = servers.call(tool, args);
        assertThat(r.isError()).isTrue();
        assertThat(TestServers.text(r)).startsWith("Error: invalid argument '" + field + "': ");
    }
}
