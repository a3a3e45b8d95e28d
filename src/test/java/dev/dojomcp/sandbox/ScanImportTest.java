package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /import-scan/ and /reimport-scan/ (§8) with small reports written for these tests. */
class ScanImportTest {
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static final String TWO_FINDINGS = "{\"findings\": ["
            + "{\"title\": \"Outdated jQuery\", \"severity\": \"Medium\", \"description\": \"jQuery 1.x\", \"cwe\": 1104},"
            + "{\"title\": \"Debug endpoint\", \"severity\": \"Low\", \"description\": \"/debug is open\"}]}";
    static SandboxServer server;
    static SandboxClient client;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 200, 29)
                .withReadOnlyApiKey(SandboxClient.READ_ONLY_KEY), Clock.fixed(NOW, ZoneOffset.UTC));
        client = new SandboxClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> upload(String path, Map<String, String> fields, String report) throws Exception {
        return upload(path, fields, "report.json", report);
    }

    static HttpResponse<String> upload(String path, Map<String, String> fields, String filename, String report)
            throws Exception {
        return MultipartUpload.post(server, path, fields, filename,
                report == null ? null : report.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> names(String product, String engagement) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", "Generic Findings Import");
        fields.put("product_type_name", "Imports");
        fields.put("product_name", product);
        fields.put("engagement_name", engagement);
        fields.put("auto_create_context", "true");
        return fields;
    }

    @Test
    void importScan_withJsonContentType_is415() throws Exception {
        HttpResponse<String> r = client.send("POST", "/api/v2/import-scan/", SandboxClient.ADMIN_KEY,
                "{\"scan_type\": \"Generic Findings Import\"}");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(SandboxClient.parse(r).has("detail")).isTrue();
    }

    @Test
    void importScan_autoCreatesContext_andCreatesFindings() throws Exception {
        HttpResponse<String> r = upload("/api/v2/import-scan/", names("Shop", "weekly"), TWO_FINDINGS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = SandboxClient.parse(r);
        int test = body.get("test_id").asInt();
        assertThat(body.get("test").asInt()).isEqualTo(test);
        assertThat(body.get("auto_create_context").asBoolean()).isTrue();
        assertThat(body.get("statistics").get("after").get("total").get("total").asInt()).isEqualTo(2);
        assertThat(body.get("statistics").get("after").get("medium").get("active").asInt()).isEqualTo(1);
        assertThat(client.count("test=" + test)).isEqualTo(2);
        JsonNode product = client.json("/api/v2/products/" + body.get("product_id").asInt() + "/");
        assertThat(product.get("name").asString()).isEqualTo("Shop");
        JsonNode engagement = client.json("/api/v2/engagements/" + body.get("engagement_id").asInt() + "/");
        assertThat(engagement.get("engagement_type").asString()).isEqualTo("CI/CD");
        assertThat(engagement.get("target_end").asString()).isEqualTo("2026-06-15");
    }

    @Test
    void importScan_missingProductWithoutAutoCreate_is400NamingIt() throws Exception {
        Map<String, String> fields = names("Nowhere", "weekly");
        fields.remove("auto_create_context");
        HttpResponse<String> r = upload("/api/v2/import-scan/", fields, TWO_FINDINGS);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Product \\\"Nowhere\\\" does not exist");
    }

    @Test
    void importScan_unknownEngagementId_is400() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", "Generic Findings Import");
        fields.put("engagement", "999999");
        HttpResponse<String> r = upload("/api/v2/import-scan/", fields, TWO_FINDINGS);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Engagement \\\"999999\\\" does not exist");
    }

    @Test
    void importScan_missingScanType_is400() throws Exception {
        HttpResponse<String> r = upload("/api/v2/import-scan/", new LinkedHashMap<>(), TWO_FINDINGS);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("scan_type").get(0).asString()).isEqualTo("This field is required.");
    }

    @Test
    void importScan_minimumSeverityAndActiveAreApplied() throws Exception {
        Map<String, String> fields = names("Filtered", "weekly");
        fields.put("minimum_severity", "Medium");
        fields.put("active", "False");
        fields.put("tags", "ci,nightly");
        fields.put("apply_tags_to_findings", "true");
        JsonNode body = SandboxClient.parse(upload("/api/v2/import-scan/", fields, TWO_FINDINGS));
        int test = body.get("test_id").asInt();
        assertThat(client.count("test=" + test)).isEqualTo(1);
        JsonNode finding = client.json("/api/v2/findings/?test=" + test).get("results").get(0);
        assertThat(finding.get("active").asBoolean()).isFalse();
        assertThat(finding.get("tags").toString()).contains("nightly");
        assertThat(client.json("/api/v2/tests/" + test + "/").get("tags").size()).isEqualTo(2);
    }

    @Test
    void reimportScan_closesMissingFindingsAndCreatesNewOnes() throws Exception {
        JsonNode first = SandboxClient.parse(upload("/api/v2/import-scan/", names("Reimported", "weekly"),
                TWO_FINDINGS));
        int test = first.get("test_id").asInt();
        String secondRun = "{\"findings\": ["
                + "{\"title\": \"Outdated jQuery\", \"severity\": \"Medium\", \"description\": \"jQuery 1.x\", \"cwe\": 1104},"
                + "{\"title\": \"Open redirect\", \"severity\": \"High\", \"description\": \"/go?to=\"}]}";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", "Generic Findings Import");
        fields.put("test", String.valueOf(test));
        HttpResponse<String> r = upload("/api/v2/reimport-scan/", fields, secondRun);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode delta = SandboxClient.parse(r).get("statistics").get("delta");
        assertThat(delta.get("created").get("total").get("total").asInt()).isEqualTo(1);
        assertThat(delta.get("closed").get("total").get("total").asInt()).isEqualTo(1);
        assertThat(delta.get("untouched").get("total").get("total").asInt()).isEqualTo(1);
        assertThat(client.count("test=" + test + "&active=true")).isEqualTo(2);
        assertThat(client.count("test=" + test + "&is_mitigated=true")).isEqualTo(1);

        HttpResponse<String> again = upload("/api/v2/reimport-scan/", fields, TWO_FINDINGS);
        JsonNode delta2 = SandboxClient.parse(again).get("statistics").get("delta");
        assertThat(delta2.get("reactivated").get("total").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void reimportScan_unknownTest_is400() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", "Generic Findings Import");
        fields.put("test", "999999");
        HttpResponse<String> r = upload("/api/v2/reimport-scan/", fields, TWO_FINDINGS);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Test \\\"999999\\\" does not exist");
    }

    @Test
    void importScan_otherScanTypes_areRecordedWithoutFindings() throws Exception {
        Map<String, String> fields = names("Other", "weekly");
        fields.put("scan_type", "ZAP Scan");
        HttpResponse<String> r = upload("/api/v2/import-scan/", fields, "zap.xml", "<OWASPZAPReport/>");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = SandboxClient.parse(r);
        assertThat(body.get("statistics").get("after").get("total").get("total").asInt()).isZero();
        JsonNode test = client.json("/api/v2/tests/" + body.get("test_id").asInt() + "/");
        assertThat(test.get("scan_type").asString()).isEqualTo("ZAP Scan");
        assertThat(test.get("test_type_name").asString()).isEqualTo("ZAP Scan");
        assertThat(body.get("engagement_id").asInt()).isPositive();
        assertThat(body.get("product_id").asInt()).isPositive();
        assertThat(body.get("product_type_id").asInt()).isPositive();
    }

    @Test
    void importScan_unknownScanType_is400WithDrfChoiceWording() throws Exception {
        for (String name : new String[] {"Nope Scan", "Pen Test", "sarif"}) {
            Map<String, String> fields = names("Unknown", "weekly");
            fields.put("scan_type", name);
            HttpResponse<String> r = upload("/api/v2/import-scan/", fields, TWO_FINDINGS);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(SandboxClient.parse(r).get("scan_type").get(0).asString())
                    .isEqualTo("\"" + name + "\" is not a valid choice.");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", "Nope Scan");
        fields.put("test", "1");
        assertThat(upload("/api/v2/reimport-scan/", fields, TWO_FINDINGS).statusCode()).isEqualTo(400);
    }

    @Test
    void importScan_fileExtensionOutsideTheImportList_is400OnFile() throws Exception {
        HttpResponse<String> r = upload("/api/v2/import-scan/", names("Ext", "weekly"), "report.exe", TWO_FINDINGS);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("file").get(0).asString())
                .startsWith("File extension \u201cexe\u201d is not allowed. Allowed extensions are: xml, csv,");
        assertThat(client.json("/api/v2/products/?name=Ext").get("count").asInt()).isZero();
    }

    @Test
    void importScan_withoutFile_is400ForFileBasedTypes_butNotForApiPullTypes() throws Exception {
        HttpResponse<String> r = upload("/api/v2/import-scan/", names("NoFile", "weekly"), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("non_field_errors").get(0).asString())
                .isEqualTo("Uploading a Report File is required for Generic Findings Import");
        Map<String, String> fields = names("NoFile", "weekly");
        fields.put("scan_type", "SonarQube API Import");
        assertThat(upload("/api/v2/import-scan/", fields, null).statusCode()).isEqualTo(201);
    }

    @Test
    void importScan_unknownGenericField_is400NamingIt() throws Exception {
        String report = "{\"findings\": [{\"title\": \"t\", \"severity\": \"Low\", \"description\": \"d\","
                + " \"host\": \"example.com\", \"duplicate\": false}]}";
        HttpResponse<String> r = upload("/api/v2/import-scan/", names("Fields", "weekly"), report);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("message").asString())
                .isEqualTo("[\"Not allowed fields are present: ['duplicate', 'host']\"]");
    }

    @Test
    void importScan_unsupportedSeverity_is400_butInformationalBecomesInfo() throws Exception {
        String lower = "{\"findings\": [{\"title\": \"t\", \"severity\": \"high\", \"description\": \"d\"}]}";
        HttpResponse<String> r = upload("/api/v2/import-scan/", names("Severity", "weekly"), lower);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("message").asString())
                .isEqualTo("['Finding severity \"high\" is not supported. Any of the following are supported: "
                        + "[\\'Info\\', \\'Low\\', \\'Medium\\', \\'High\\', \\'Critical\\'].']");
        String informational = lower.replace("\"high\"", "\"Informational\"");
        JsonNode body = SandboxClient.parse(upload("/api/v2/import-scan/", names("Severity", "weekly"), informational));
        assertThat(body.get("statistics").get("after").get("info").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void importScan_genericCsv_mergesRowsWithSameTitleSeverityAndDescription() throws Exception {
        String csv = "Date,Title,CweId,Url,Severity,Description,Mitigation,Impact,References,Active,Verified\n"
                + "2024-05-01,Weak TLS,326,https://a.example.com,High,TLS 1.0 enabled,Disable it,,,TRUE,FALSE\n"
                + "2024-05-01,Weak TLS,326,https://b.example.com,High,TLS 1.0 enabled,Disable it,,,TRUE,FALSE\n"
                + "05/02/2024,\"Banner, verbose\",200,,Medium,Server banner,,,,FALSE,TRUE\n";
        HttpResponse<String> r = upload("/api/v2/import-scan/", names("Csv", "weekly"), "findings.csv", csv);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        int test = SandboxClient.parse(r).get("test_id").asInt();
        JsonNode findings = client.json("/api/v2/findings/?test=" + test + "&o=id").get("results");
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).get("title").asString()).isEqualTo("Weak TLS");
        assertThat(findings.get(0).get("nb_occurences").asInt()).isEqualTo(2);
        assertThat(findings.get(0).get("cwe").asInt()).isEqualTo(326);
        assertThat(findings.get(1).get("title").asString()).isEqualTo("Banner, verbose");
        assertThat(findings.get(1).get("date").asString()).isEqualTo("2024-05-02");
        assertThat(findings.get(1).get("active").asBoolean()).isFalse();
    }

    @Test
    void reimportScan_sarifMatchesOnUniqueId_whenTheMessageChanges() throws Exception {
        String sarif = "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"Scanly\","
                + " \"rules\": [{\"id\": \"R1\", \"properties\": {\"tags\": [\"external/cwe/cwe-89\"]}}]}},"
                + " \"results\": [{\"ruleId\": \"R1\", \"level\": \"error\", \"message\": {\"text\": \"MSG\"},"
                + " \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"app.py\"},"
                + " \"region\": {\"startLine\": 7}}}], \"partialFingerprints\": {\"hash/v1\": \"abc\"}}]}]}";
        Map<String, String> fields = names("Sarif", "weekly");
        fields.put("scan_type", "SARIF");
        JsonNode first = SandboxClient.parse(upload("/api/v2/import-scan/", fields, "scan.sarif",
                sarif.replace("MSG", "SQL injection in query")));
        int test = first.get("test_id").asInt();
        JsonNode finding = client.json("/api/v2/findings/?test=" + test).get("results").get(0);
        assertThat(finding.get("severity").asString()).isEqualTo("High");
        assertThat(finding.get("cwe").asInt()).isEqualTo(89);
        assertThat(finding.get("line").asInt()).isEqualTo(7);
        assertThat(finding.get("unique_id_from_tool").asString()).isEqualTo("hash:abc");
        assertThat(client.json("/api/v2/tests/" + test + "/").get("test_type_name").asString())
                .isEqualTo("Scanly Scan (SARIF)");

        Map<String, String> again = new LinkedHashMap<>();
        again.put("scan_type", "SARIF");
        again.put("test", String.valueOf(test));
        JsonNode delta = SandboxClient.parse(upload("/api/v2/reimport-scan/", again, "scan.sarif",
                sarif.replace("MSG", "SQL injection in query (second wording)"))).get("statistics").get("delta");
        assertThat(delta.get("untouched").get("total").get("total").asInt()).isEqualTo(1);
        assertThat(delta.get("created").get("total").get("total").asInt()).isZero();
        assertThat(client.count("test=" + test)).isEqualTo(1);
    }

    @Test
    void reimportScan_doNotReactivate_keepsClosedFindingsClosed() throws Exception {
        JsonNode first = SandboxClient.parse(upload("/api/v2/import-scan/", names("Keep", "weekly"), TWO_FINDINGS));
        int test = first.get("test_id").asInt();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", "Generic Findings Import");
        fields.put("test", String.valueOf(test));
        upload("/api/v2/reimport-scan/", fields, "{\"findings\": []}");
        assertThat(client.count("test=" + test + "&is_mitigated=true")).isEqualTo(2);
        fields.put("do_not_reactivate", "true");
        JsonNode delta = SandboxClient.parse(upload("/api/v2/reimport-scan/", fields, TWO_FINDINGS))
                .get("statistics").get("delta");
        assertThat(delta.get("reactivated").get("total").get("total").asInt()).isZero();
        assertThat(delta.get("closed").get("total").get("total").asInt()).isZero();
        assertThat(client.count("test=" + test + "&active=true")).isZero();
    }

    @Test
    void reimportScan_otherScanType_recordsTheRunWithoutClosingAnything() throws Exception {
        Map<String, String> fields = names("ZapRuns", "weekly");
        fields.put("scan_type", "ZAP Scan");
        int test = SandboxClient.parse(upload("/api/v2/import-scan/", fields, "zap.xml", "<OWASPZAPReport/>"))
                .get("test_id").asInt();
        Map<String, String> again = new LinkedHashMap<>();
        again.put("scan_type", "ZAP Scan");
        again.put("test", String.valueOf(test));
        again.put("version", "2.14");
        HttpResponse<String> r = upload("/api/v2/reimport-scan/", again, "zap.xml", "<OWASPZAPReport/>");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode statistics = SandboxClient.parse(r).get("statistics");
        assertThat(statistics.get("delta").get("closed").get("total").get("total").asInt()).isZero();
        assertThat(client.json("/api/v2/tests/" + test + "/").get("version").asString()).isEqualTo("2.14");
    }

    @Test
    void importScan_malformedReport_is400WithMessage() throws Exception {
        HttpResponse<String> r = upload("/api/v2/import-scan/", names("Broken", "weekly"), "{not json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("message").asString()).startsWith("[\"Invalid JSON: ");
        Map<String, String> fields = names("Broken", "weekly");
        fields.put("scan_type", "SARIF");
        HttpResponse<String> sarif = upload("/api/v2/import-scan/", fields, "x.sarif", "[1, 2]");
        assertThat(sarif.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(sarif).has("message")).isTrue();
        HttpResponse<String> csv = upload("/api/v2/import-scan/", names("Broken", "weekly"), "x.csv",
                "Date,Title,Severity,Description\nnot a date,t,Low,d\n");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(csv).get("message").asString())
                .isEqualTo("['Unknown string format: not a date']");
    }
}
