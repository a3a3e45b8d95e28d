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
            // DefectDojo refuses these two (its own parser tests say so); the sandbox follows it.
            if (row[0].endsWith("generic_invalid.json") || row[0].endsWith("generic_empty.json")) {
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
            boolean empty = row[0].contains("empty") || row[0].contains("no_runs") || row[0].contains("appendix_k1");
            if (parsed && !empty) {
                assertThat(num(result, "created")).as(row[0]).isPositive();
            }
        }));
    }

    private Map<String, Object> reimport(String file, String product) {
        CallToolResult r = servers.call("reimport_scan", new LinkedHashMap<>(Map.of("scan_type", "SARIF",
                "file_path", file, "product_type_name", "Imports", "product_name", product, "engagement_name", "CI",
                "auto_create_context", true)));
        assertThat(r.isError()).as(TestServers.text(r)).isFalse();
        return result(r);
    }

    /**
     * gitleaks_7.5.0.sarif reports each of its four secrets twice, without fingerprints, so the first
     * import creates eight findings. DefectDojo's reimporter matches every report finding to the oldest
     * finding with the same hash: the first reimport leaves four untouched and closes the four copies,
     * and from then on nothing changes. The test never grows.
     */
    @Test
    void reimportingGitleaksSarif_neverAddsFindings_andSettles() {
        Map<String, Object> first = reimport("sarif/gitleaks_7.5.0.sarif", "Secrets");
        assertThat(first).containsEntry("reimported", false);
        long n = num(first, "created");
        long test = num(first, "test_id");
        assertThat(n).isEqualTo(8);
        Map<String, Object> second = reimport("sarif/gitleaks_7.5.0.sarif", "Secrets");
        assertThat(num(second, "test_id")).isEqualTo(test);
        assertThat(num(second, "created")).isZero();
        assertThat(num(second, "untouched") + num(second, "closed")).isEqualTo(n);
        Map<String, Object> third = reimport("sarif/gitleaks_7.5.0.sarif", "Secrets");
        assertThat(num(third, "created")).isZero();
        assertThat(num(third, "closed")).isZero();
        assertThat(num(third, "reactivated")).isZero();
        assertThat(num(third, "untouched")).isEqualTo(num(second, "untouched"));
        assertThat(servers.restCount("test=" + test)).isEqualTo(n);
        assertThat(servers.restCount("test=" + test + "&active=true")).isEqualTo(num(third, "untouched"));
    }

    @Test
    void reimportingASarifReportWithoutRepeats_changesNothing() {
        Map<String, Object> first = reimport("sarif/spotbugs.sarif", "Bugs");
        long n = num(first, "created");
        assertThat(n).isPositive();
        for (int run = 0; run < 2; run++) {
            Map<String, Object> again = reimport("sarif/spotbugs.sarif", "Bugs");
            assertThat(again).containsEntry("reimported", true);
            assertThat(num(again, "created")).isZero();
            assertThat(num(again, "closed")).isZero();
            assertThat(num(again, "untouched")).isEqualTo(n);
        }
        assertThat(servers.restCount("test=" + num(first, "test_id") + "&active=true")).isEqualTo(n);
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
