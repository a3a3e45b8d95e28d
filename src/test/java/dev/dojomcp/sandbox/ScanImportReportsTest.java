package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import tools.jackson.databind.JsonNode;

/**
 * Imports the real scanner reports of {@code ../shared/data/defectdojo/scans/} (DefectDojo's own test samples,
 * listed with their scan types in MANIFEST.tsv) through the REST API. Finding counts for the parsed scan types
 * are the ones DefectDojo's unit tests assert (test_generic_parser.py, test_sarif_parser.py,
 * test_importers_importer.py); every other scan type gives a test without findings. Skipped when the shared
 * folder is absent.
 */
class ScanImportReportsTest {
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    /** Findings per report, or -1 for a report DefectDojo rejects. */
    static final Map<String, Integer> EXPECTED = Map.ofEntries(
            Map.entry("generic/generic_csv_with_epss.csv", 1),
            Map.entry("generic/generic_cve_and_vulnerability_ids.json", 1),
            Map.entry("generic/generic_empty.json", -1),
            Map.entry("generic/generic_invalid.json", -1),
            Map.entry("generic/generic_report1.csv", 1),
            Map.entry("generic/generic_report1.json", 2),
            Map.entry("generic/generic_report2.json", 2),
            Map.entry("generic/generic_report_kev_cvssv4.csv", 1),
            Map.entry("sarif/appendix_k1.sarif", 0),
            Map.entry("sarif/codeQL-output.sarif", 72),
            Map.entry("sarif/dependency_check.sarif", 13),
            Map.entry("sarif/gitleaks_7.5.0.sarif", 8),
            Map.entry("sarif/no_runs.sarif", 0),
            Map.entry("sarif/spotbugs.sarif", 56),
            Map.entry("sarif/taint-python-report.sarif", 11));
    static SandboxServer server;
    static SandboxClient client;

    static Path scans() {
        String shared = System.getProperty("dojo.shared.dir");
        assumeTrue(shared != null, "dojo.shared.dir is not set; skipping the shared scan report tests");
        Path dir = Path.of(shared, "data", "defectdojo", "scans");
        assumeTrue(Files.isReadable(dir.resolve("MANIFEST.tsv")),
                "skipped: " + dir + " not found (the ../shared data folder is only in the project workspace)");
        return dir;
    }

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 100, 7),
                Clock.fixed(NOW, ZoneOffset.UTC));
        client = new SandboxClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String[]> manifest(Path dir) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv"))) {
            String[] row = line.split("\t");
            if (row.length == 2 && !row[0].equals("file")) {
                rows.add(row);
            }
        }
        return rows;
    }

    static Map<String, String> fields(String scanType, String product) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", scanType);
        fields.put("product_type_name", "Shared scans");
        fields.put("product_name", product);
        fields.put("engagement_name", "samples");
        fields.put("auto_create_context", "true");
        return fields;
    }

    static HttpResponse<String> upload(Path dir, String endpoint, Map<String, String> fields, String file)
            throws Exception {
        Path report = dir.resolve(file);
        return MultipartUpload.post(server, "/api/v2/" + endpoint + "/", fields, report.getFileName().toString(),
                Files.readAllBytes(report));
    }

    static int total(JsonNode statistics) {
        return statistics.get("total").get("total").asInt();
    }

    @TestFactory
    Stream<DynamicTest> everyManifestReport_imports() throws Exception {
        Path dir = scans();
        assertThat(manifest(dir)).hasSizeGreaterThanOrEqualTo(40);
        return manifest(dir).stream().map(row -> DynamicTest.dynamicTest(row[0] + " (" + row[1] + ")", () -> {
            HttpResponse<String> r = upload(dir, "import-scan", fields(row[1], "Samples " + row[0]), row[0]);
            int expected = EXPECTED.getOrDefault(row[0], 0);
            if (expected < 0) {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                assertThat(SandboxClient.parse(r).get("message").asString()).isNotBlank();
                return;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode body = SandboxClient.parse(r);
            int test = body.get("test_id").asInt();
            assertThat(body.get("test").asInt()).isEqualTo(test);
            for (String id : new String[] {"engagement_id", "product_id", "product_type_id"}) {
                assertThat(body.get(id).asInt()).as(id).isPositive();
            }
            assertThat(total(body.get("statistics").get("after"))).isEqualTo(expected);
            assertThat(client.count("test=" + test)).isEqualTo(expected);
            assertThat(client.json("/api/v2/tests/" + test + "/").get("scan_type").asString()).isEqualTo(row[1]);
        }));
    }

    @Test
    void genericReports_rejectedWithDefectDojosMessages() throws Exception {
        Path dir = scans();
        HttpResponse<String> invalid = upload(dir, "import-scan", fields("Generic Findings Import", "Invalid"),
                "generic/generic_invalid.json");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(invalid).get("message").asString())
                .isEqualTo("[\"Not allowed fields are present: ['invalid_field', 'last_status_update']\"]");
        HttpResponse<String> empty = upload(dir, "import-scan", fields("Generic Findings Import", "Invalid"),
                "generic/generic_empty.json");
        assertThat(SandboxClient.parse(empty).get("message").asString())
                .isEqualTo("[\"Required fields are missing: ['description', 'severity', 'title']\"]");
    }

    @Test
    void genericCsv_rowsWithTheSameFindingBecomeOneWithOccurrences() throws Exception {
        Path dir = scans();
        JsonNode body = SandboxClient.parse(upload(dir, "import-scan", fields("Generic Findings Import", "Csv"),
                "generic/generic_report1.csv"));
        JsonNode finding = client.json("/api/v2/findings/?test=" + body.get("test_id").asInt()).get("results").get(0);
        assertThat(finding.get("title").asString()).isEqualTo("ASDF");
        assertThat(finding.get("nb_occurences").asInt()).isEqualTo(5);
        assertThat(finding.get("date").asString()).isEqualTo("2021-02-28");
        assertThat(finding.get("severity").asString()).isEqualTo("Low");
        assertThat(finding.get("verified").asBoolean()).isTrue();
    }

    @Test
    void sarif_findingsAndTestTypeAsDefectDojoNamesThem() throws Exception {
        Path dir = scans();
        JsonNode body = SandboxClient.parse(upload(dir, "import-scan", fields("SARIF", "Gitleaks"),
                "sarif/gitleaks_7.5.0.sarif"));
        int test = body.get("test_id").asInt();
        assertThat(client.json("/api/v2/tests/" + test + "/").get("test_type_name").asString())
                .isEqualTo("Gitleaks Scan (SARIF)");
        JsonNode first = client.json("/api/v2/findings/?test=" + test + "&o=id").get("results").get(0);
        assertThat(first.get("title").asString()).isEqualTo("AWS Access Key secret detected");
        assertThat(first.get("severity").asString()).isEqualTo("Medium");
        assertThat(first.get("file_path").asString()).isEqualTo(
                "dojo/unittests/scans/gitlab_secret_detection_report/gitlab_secret_detection_report_1_vuln.json");
        assertThat(first.get("line").asInt()).isEqualTo(13);
        assertThat(first.get("description").asString()).startsWith("**Result message:** AWS Access Key secret detected\n"
                + "**Snippet:**\n```\n");
        assertThat(first.get("static_finding").asBoolean()).isTrue();

        JsonNode spotbugs = SandboxClient.parse(upload(dir, "import-scan", fields("SARIF", "Spotbugs"),
                "sarif/spotbugs.sarif"));
        assertThat(client.json("/api/v2/tests/" + spotbugs.get("test_id").asInt() + "/").get("test_type_name")
                .asString()).isEqualTo("SpotBugs Scan (SARIF)");
        JsonNode noRuns = SandboxClient.parse(upload(dir, "import-scan", fields("SARIF", "NoRuns"),
                "sarif/no_runs.sarif"));
        assertThat(client.json("/api/v2/tests/" + noRuns.get("test_id").asInt() + "/").get("test_type_name")
                .asString()).isEqualTo("SARIF");
    }

    /**
     * The gitleaks report lists each of its 4 secrets twice (same title, description, file and line, no
     * fingerprints), so the import creates 8 findings. Reimport matches every report finding to the lowest-id
     * finding with its hash: the first run leaves those 4 untouched and closes the 4 copies nothing matched; the
     * second run leaves the same 4 untouched and changes nothing. The test keeps one set of 8 findings, 4 open.
     */
    @Test
    void gitleaksSarif_reimportedTwice_keepsOneSetOfFindings() throws Exception {
        Path dir = scans();
        JsonNode imported = SandboxClient.parse(upload(dir, "import-scan", fields("SARIF", "Gitleaks twice"),
                "sarif/gitleaks_7.5.0.sarif"));
        int test = imported.get("test_id").asInt();
        assertThat(total(imported.get("statistics").get("after"))).isEqualTo(8);
        Map<String, String> reimport = new LinkedHashMap<>();
        reimport.put("scan_type", "SARIF");
        reimport.put("test", String.valueOf(test));
        int[] closedPerRun = {4, 0};
        for (int run = 1; run <= 2; run++) {
            HttpResponse<String> r = upload(dir, "reimport-scan", reimport, "sarif/gitleaks_7.5.0.sarif");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode statistics = SandboxClient.parse(r).get("statistics");
            assertThat(total(statistics.get("before"))).isEqualTo(8);
            JsonNode delta = statistics.get("delta");
            assertThat(total(delta.get("created"))).as("created in run " + run).isZero();
            assertThat(total(delta.get("untouched"))).as("untouched in run " + run).isEqualTo(4);
            assertThat(total(delta.get("closed"))).as("closed in run " + run).isEqualTo(closedPerRun[run - 1]);
            assertThat(total(delta.get("reactivated"))).as("reactivated in run " + run).isZero();
            assertThat(total(statistics.get("after"))).isEqualTo(8);
            assertThat(statistics.get("after").get("total").get("active").asInt()).isEqualTo(4);
        }
        assertThat(client.count("test=" + test)).isEqualTo(8);
        assertThat(client.count("test=" + test + "&active=true")).isEqualTo(4);
    }

    /** Reports without repeated findings reimport as no change from the first reimport on. */
    @Test
    void sarifReportsWithoutRepeats_reimportAsNoChange() throws Exception {
        Path dir = scans();
        for (String file : new String[] {"sarif/spotbugs.sarif", "sarif/taint-python-report.sarif"}) {
            int expected = EXPECTED.get(file);
            int test = SandboxClient.parse(upload(dir, "import-scan", fields("SARIF", "Again " + file), file))
                    .get("test_id").asInt();
            Map<String, String> reimport = new LinkedHashMap<>();
            reimport.put("scan_type", "SARIF");
            reimport.put("test", String.valueOf(test));
            JsonNode delta = SandboxClient.parse(upload(dir, "reimport-scan", reimport, file)).get("statistics")
                    .get("delta");
            assertThat(total(delta.get("created"))).as(file).isZero();
            assertThat(total(delta.get("closed"))).as(file).isZero();
            assertThat(total(delta.get("untouched"))).as(file).isEqualTo(expected);
            assertThat(client.count("test=" + test + "&active=true")).as(file).isEqualTo(expected);
        }
    }

    @Test
    void sarifReimport_ofAnotherToolsReport_isATestTypeMismatch() throws Exception {
        Path dir = scans();
        int test = SandboxClient.parse(upload(dir, "import-scan", fields("SARIF", "Mismatch"),
                "sarif/gitleaks_7.5.0.sarif")).get("test_id").asInt();
        Map<String, String> reimport = new LinkedHashMap<>();
        reimport.put("scan_type", "SARIF");
        reimport.put("test", String.valueOf(test));
        HttpResponse<String> r = upload(dir, "reimport-scan", reimport, "sarif/spotbugs.sarif");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("message").asString()).contains("Test type mismatch: Test " + test
                + " has test_type 'Gitleaks Scan (SARIF)', but the report contains test_type 'SpotBugs Scan (SARIF)'");
        // A report without runs names no tool, so it may go into any SARIF test (and closes what is there).
        JsonNode delta = SandboxClient.parse(upload(dir, "reimport-scan", reimport, "sarif/no_runs.sarif"))
                .get("statistics").get("delta");
        assertThat(total(delta.get("closed"))).isEqualTo(8);
        assertThat(client.count("test=" + test + "&is_mitigated=false")).isZero();
    }

    @Test
    void zapReports_reimportIntoTheSameTest_withoutFindings() throws Exception {
        Path dir = scans();
        HttpResponse<String> first = upload(dir, "import-scan", fields("ZAP Scan", "Zap pair"),
                "zap/zap-results-first-scan.xml");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        int test = SandboxClient.parse(first).get("test_id").asInt();
        Map<String, String> reimport = new LinkedHashMap<>();
        reimport.put("scan_type", "ZAP Scan");
        reimport.put("test", String.valueOf(test));
        HttpResponse<String> second = upload(dir, "reimport-scan", reimport, "zap/zap-results-second-scan.xml");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode body = SandboxClient.parse(second);
        assertThat(body.get("test_id").asInt()).isEqualTo(test);
        assertThat(total(body.get("statistics").get("after"))).isZero();
        // By names: the latest ZAP test of the engagement.
        Map<String, String> byName = fields("ZAP Scan", "Zap pair");
        byName.remove("auto_create_context");
        HttpResponse<String> third = upload(dir, "reimport-scan", byName, "zap/0_zap_sample.xml");
        assertThat(SandboxClient.parse(third).get("test_id").asInt()).isEqualTo(test);
    }
}
