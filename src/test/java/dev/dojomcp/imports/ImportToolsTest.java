package dev.dojomcp.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** import_scan and reimport_scan against the sandbox, with DefectDojo's own scanner outputs from ../shared. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportToolsTest {
    private Path scans;
    private TestServers servers;

    @BeforeAll
    void start() throws Exception {
        scans = TestServers.sharedData("scans");
        servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 100, 5),
                WriteSettings.defaults().withImportDir(scans));
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    static List<String[]> manifest(Path scans) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(scans.resolve("MANIFEST.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length == 2 && !cols[0].equals("file")) {
                rows.add(cols);
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> result(CallToolResult r) {
        return (Map<String, Object>) ((Map<String, Object>) r.structuredContent()).get("result");
    }

    static long num(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    @TestFactory
    Stream<DynamicTest> everyScannerOutput_importsThroughTheTool() throws IOException {
        return manifest(scans).stream().map(row -> DynamicTest.dynamicTest(row[0], () -> {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("scan_type", row[1]);
            args.put("file_path", row[0]);
            args.put("product_type_name", "Imports");
            args.put("product_name", "Scanner " + row[1]);
            args.put("engagement_name", "CI");
            args.put("auto_create_context", true);
            args.put("test_title", row[0]);
            CallToolResult r = servers.call("import_scan", args);
            if (row[0].endsWith("generic_invalid.json")) {
                assertThat(r.isError()).isTrue();
                assertThat(r.structuredContent().toString()).contains("outcome=rejected", "rejected_by=defectdojo");
                return;
            }
            assertThat(r.isError()).as(TestServers.text(r)).isFalse();
            Map<String, Object> result = result(r);
            long test = num(result, "test_id");
            assertThat(num(result, "created")).isEqualTo(servers.restCount("test=" + test));
            assertThat(servers.rest("tests/" + test + "/").path("scan_type").asString()).isEqualTo(row[1]);
            boolean parsed = row[1].equals("SARIF") || row[1].equals("Generic Findings Import");
            boolean empty = row[0].contains("empty") || row[0].contains("no_runs");
            if (parsed && !empty) {
                assertThat(num(result, "created")).as(row[0]).isPositive();
            }
        }));
    }

    @Test
    void reimportingTheSameSarifTwice_leavesOneSetOfFindings() {
        Map<String, Object> args = new LinkedHashMap<>(Map.of("scan_type", "SARIF", "file_path",
                "sarif/gitleaks_7.5.0.sarif", "product_type_name", "Imports", "product_name", "Secrets",
                "engagement_name", "gitleaks", "auto_create_context", true));
        Map<String, Object> first = result(servers.call("reimport_scan", args));
        long n = num(first, "created");
        assertThat(n).isPositive();
        long test = num(first, "test_id");
        for (int run = 0; run < 2; run++) {
            Map<String, Object> again = result(servers.call("reimport_scan", args));
            assertThat(again).containsEntry("reimported", true);
            assertThat(num(again, "test_id")).isEqualTo(test);
            assertThat(num(again, "created")).isZero();
            assertThat(num(again, "closed")).isZero();
            assertThat(num(again, "untouched")).isEqualTo(n);
        }
        assertThat(servers.restCount("test=" + test)).isEqualTo(n);
        assertThat(servers.restCount("test=" + test + "&active=true")).isEqualTo(n);
    }

    @Test
    void scanType_isCheckedAgainstDefectDojo_caseIsForgiven_unknownNamesGetSuggestions() {
        long uploads = servers.sandbox().stats().requests("/api/v2/import-scan/");
        CallToolResult wrong = servers.call("import_scan", Map.of("scan_type", "Gitleak Scan", "file_path",
                "gitleaks/data_many.json", "engagement_id", 1));
        assertThat(wrong.isError()).isTrue();
        assertThat(TestServers.text(wrong)).contains("scan_type", "closest: Gitleaks Scan");
        assertThat(servers.sandbox().stats().requests("/api/v2/import-scan/")).isEqualTo(uploads);

        CallToolResult lower = servers.call("import_scan", Map.of("scan_type", "sarif", "file_path",
                "sarif/spotbugs.sarif", "engagement_id", 1));
        assertThat(lower.isError()).as(TestServers.text(lower)).isFalse();
        assertThat(result(lower)).containsEntry("scan_type", "SARIF");
    }
}
