package dev.dojomcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.JavaProcess;
import dev.dojomcp.testing.JavaProcess.Result;
import dev.dojomcp.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code dojo-mcp import} and {@code import-qai} as a CI job runs them: a child JVM, the environment, exit codes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCommandTest {
    @TempDir
    static Path dir;
    private TestServers servers;
    private Map<String, String> env;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.generated(20, 6, 3);
        env = Map.of("DEFECTDOJO_URL", servers.sandbox().baseUrl().toString(), "DEFECTDOJO_API_KEY", TestServers.KEY,
                "ALLOW_INSECURE_HTTP", "true", "LOG_LEVEL", "warn");
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    @Test
    void sarifReport_importedThenReimportedTwice_printsStatistics_andAddsNothing() throws Exception {
        Path sarif = TestServers.sharedData("scans/sarif/gitleaks_7.5.0.sarif");
        String[] args = {"import", "--reimport", "--scan-type", "SARIF", "--file", sarif.toAbsolutePath().toString(),
                "--product-type-name", "CI", "--product-name", "cli-secrets", "--engagement-name", "main",
                "--auto-create", "--branch", "main", "--commit", "abc123"};
        Result first = JavaProcess.run(env, args);
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("imported as test #").containsPattern("new=[1-9]");
        // The report repeats each secret; DefectDojo's reimport settles on one open finding per secret.
        Result second = JavaProcess.run(env, args);
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("reimported into test #", "new=0");
        Result third = JavaProcess.run(env, args);
        assertThat(third.exitCode()).as(third.stderr()).isZero();
        assertThat(third.stdout()).contains("reimported into test #", "new=0", "reactivated=0", "closed=0");
        assertThat(first.stdout() + first.stderr()).doesNotContain(TestServers.KEY);
    }

    @Test
    void qaiReport_importedTwice_createsNothingTheSecondTime() throws Exception {
        Path report = dir.resolve("scan.json");
        try (var in = getClass().getResourceAsStream("/qai/cli-run1.json")) {
            Files.write(report, in.readAllBytes());
        }
        String[] args = {"import-qai", report.toString(), "--product-type-name", "MCP", "--product-name",
                "cli-memory-server", "--engagement-name", "weekly", "--auto-create"};
        Result first = JavaProcess.run(env, args);
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("cli-json report: 9 finding(s)", "new=9");
        Result second = JavaProcess.run(env, args);
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("new=0", "untouched=9");
    }

    @Test
    void refusedImport_exitsOne_withTheReasonOnStderr() throws Exception {
        Path report = Files.writeString(dir.resolve("r.json"), "{\"findings\": []}");
        Result r = JavaProcess.run(env, "import", "--scan-type", "No Such Scanner", "--file", report.toString(),
                "--engagement", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("rejected", "scan_type");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void missingConfiguration_exitsTwo_namingTheVariable() throws Exception {
        Path report = Files.writeString(dir.resolve("r2.json"), "{\"findings\": []}");
        Result r = JavaProcess.run(Map.of(), "import", "--scan-type", "SARIF", "--file", report.toString(),
                "--engagement", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).startsWith("dojo-mcp: DEFECTDOJO_URL:");
    }
}
