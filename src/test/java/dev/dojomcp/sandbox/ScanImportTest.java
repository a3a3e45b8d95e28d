package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

/** POST /import-scan/ and /reimport-scan/ with "Generic Findings Import" JSON (§8). */
class ScanImportTest {
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static final String BOUNDARY = "----sandbox-test-boundary";
    static final String TWO_FINDINGS = "{\"findings\": ["
            + "{\"title\": \"Outdated jQuery\", \"severity\": \"Medium\", \"description\": \"jQuery 1.x\", \"cwe\": 1104},"
            + "{\"title\": \"Debug endpoint\", \"severity\": \"Low\", \"description\": \"/debug is open\"}]}";
    static SandboxServer server;
    static SandboxClient client;
    static final HttpClient HTTP = HttpClient.newHttpClient();

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
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        if (report != null) {
            body.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file\"; filename=\"report.json\"\r\n")
                    .append("Content-Type: application/json\r\n\r\n").append(report).append("\r\n");
        }
        body.append("--").append(BOUNDARY).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(server.baseUrl().resolve(URI.create(path)))
                .header("Authorization", "Token " + SandboxClient.ADMIN_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
    void importScan_otherScanTypes_areNotModelled() throws Exception {
        Map<String, String> fields = names("Other", "weekly");
        fields.put("scan_type", "ZAP Scan");
        assertThat(upload("/api/v2/import-scan/", fields, "<xml/>").statusCode()).isEqualTo(501);
    }

    @Test
    void importScan_malformedReport_is400() throws Exception {
        assertThat(upload("/api/v2/import-scan/", names("Broken", "weekly"), "{not json").statusCode())
                .isEqualTo(400);
    }
}
