package dev.dojomcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.JavaProcess;
import dev.dojomcp.testing.JavaProcess.Result;
import dev.dojomcp.testing.TestServers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrong configuration stops start-up with one line naming the variable and exit status 2, no stack trace. */
class StartupErrorsTest {
    private static final String KEY = "abcdefabcdefabcdefabcdefabcdefabcdefabcd";

    private static void assertOneLine(Result r, String prefix) {
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("dojo-mcp: " + prefix).doesNotContain("Exception").doesNotContain(KEY);
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void plainHttpUrl() throws Exception {
        assertOneLine(JavaProcess.run(Map.of("DEFECTDOJO_URL", "http://dojo.example", "DEFECTDOJO_API_KEY", KEY)),
                "DEFECTDOJO_URL:");
    }

    @Test
    void missingKey() throws Exception {
        assertOneLine(JavaProcess.run(Map.of("DEFECTDOJO_URL", "https://dojo.example")), "DEFECTDOJO_API_KEY:");
    }

    @Test
    void unreachableUrl() throws Exception {
        assertOneLine(JavaProcess.run(Map.of("DEFECTDOJO_URL", "http://127.0.0.1:9", "DEFECTDOJO_API_KEY", KEY,
                "ALLOW_INSECURE_HTTP", "true", "DEFECTDOJO_TIMEOUT_SECONDS", "2")), "DEFECTDOJO_URL:");
    }

    @Test
    void wrongKey_andBadPortFlag() throws Exception {
        try (TestServers servers = TestServers.generated(10, 1, 3)) {
            assertOneLine(JavaProcess.run(Map.of("DEFECTDOJO_URL", servers.sandbox().baseUrl().toString(),
                    "DEFECTDOJO_API_KEY", KEY, "ALLOW_INSECURE_HTTP", "true")), "DEFECTDOJO_API_KEY:");
        }
        assertOneLine(JavaProcess.run(Map.of(), "serve", "--port", "nope"), "");
        assertOneLine(JavaProcess.run(Map.of("MCP_TRANSPORT", "carrier-pigeon")), "MCP_TRANSPORT:");
    }

    @Test
    void badWriteSettings_nameTheirVariable() throws Exception {
        Map<String, String> base = Map.of("DEFECTDOJO_URL", "https://dojo.example", "DEFECTDOJO_API_KEY", KEY);
        for (Map.Entry<String, String> bad : Map.of("IMPORT_DIR", "/no/such/folder", "IMPORT_MAX_MB", "500",
                "DEFECTDOJO_DEFAULT_FOUND_BY_ID", "zero", "DEFECTDOJO_IMPORT_TIMEOUT_SECONDS", "1").entrySet()) {
            Map<String, String> env = new java.util.HashMap<>(base);
            env.put(bad.getKey(), bad.getValue());
            assertOneLine(JavaProcess.run(env, "serve"), bad.getKey() + ":");
        }
    }

    @Test
    void version_andTools_needNoConfiguration() throws Exception {
        Result v = JavaProcess.run(Map.of(), "version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.stdout()).startsWith("dojo-mcp ");
        Result t = JavaProcess.run(Map.of(), "tools");
        assertThat(t.exitCode()).isZero();
        assertThat(t.stdout()).contains("`get_findings`").contains("`risk_summary`");
    }
}
