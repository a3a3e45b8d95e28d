package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET/POST /risk_acceptance/ and GET /risk_acceptance/{id}/ (§6.8). */
class RiskAcceptanceApiTest {
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static SandboxServer server;
    static SandboxClient client;
    static int engagement;
    static int testA;
    static int testInOtherEngagement;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 200, 19)
                .withReadOnlyApiKey(SandboxClient.READ_ONLY_KEY), Clock.fixed(NOW, ZoneOffset.UTC));
        client = new SandboxClient(server);
        int product = created("/api/v2/products/", "{\"name\": \"Accepting\", \"description\": \"d\", \"prod_type\": 1}");
        engagement = created("/api/v2/engagements/", "{\"product\": " + product
                + ", \"target_start\": \"2025-06-01\", \"target_end\": \"2025-06-30\"}");
        int otherEngagement = created("/api/v2/engagements/", "{\"product\": " + product
                + ", \"target_start\": \"2025-06-01\", \"target_end\": \"2025-06-30\"}");
        testA = newTest(engagement);
        testInOtherEngagement = newTest(otherEngagement);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int created(String path, String body) throws Exception {
        HttpResponse<String> r = client.send("POST", path, SandboxClient.ADMIN_KEY, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return SandboxClient.parse(r).get("id").asInt();
    }

    static int newTest(int engagementId) throws Exception {
        return created("/api/v2/tests/", "{\"engagement\": " + engagementId + ", \"test_type\": 1, "
                + "\"target_start\": \"2025-06-01T00:00:00Z\", \"target_end\": \"2025-06-02T00:00:00Z\"}");
    }

    static int newFinding(int test) throws Exception {
        return created("/api/v2/findings/", "{\"test\": " + test + ", \"found_by\": [], \"title\": \"weak TLS\", "
                + "\"severity\": \"Low\", \"numerical_severity\": \"S3\", \"description\": \"d\", "
                + "\"active\": true, \"verified\": false}");
    }

    static HttpResponse<String> post(String body) throws Exception {
        return client.send("POST", "/api/v2/risk_acceptance/", SandboxClient.ADMIN_KEY, body);
    }

    @Test
    void create_acceptsFindings_andIsListedAndReadable() throws Exception {
        int f1 = newFinding(testA);
        int f2 = newFinding(testA);
        HttpResponse<String> r = post("{\"name\": \"Legacy TLS\", \"owner\": 1, \"accepted_findings\": [" + f1 + ", "
                + f2 + "], \"expiration_date\": \"2025-12-31T00:00:00Z\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode ra = SandboxClient.parse(r);
        assertThat(ra.get("decision").asString()).isEqualTo("A");
        assertThat(ra.get("recommendation").asString()).isEqualTo("F");
        assertThat(ra.get("expiration_date").asString()).isEqualTo("2025-12-31T00:00:00.000000Z");
        int id = ra.get("id").asInt();

        for (int f : new int[] {f1, f2}) {
            JsonNode finding = client.json("/api/v2/findings/" + f + "/");
            assertThat(finding.get("risk_accepted").asBoolean()).isTrue();
            assertThat(finding.get("active").asBoolean()).isFalse();
        }
        assertThat(client.json("/api/v2/risk_acceptance/" + id + "/").get("name").asString()).isEqualTo("Legacy TLS");
        assertThat(client.json("/api/v2/risk_acceptance/?accepted_findings=" + f1).get("count").asInt()).isEqualTo(1);
        assertThat(client.json("/api/v2/engagements/" + engagement + "/").get("risk_acceptance").toString())
                .contains(String.valueOf(id));
    }

    @Test
    void create_missingFields_is400() throws Exception {
        HttpResponse<String> r = post("{}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = SandboxClient.parse(r);
        for (String field : new String[] {"name", "owner", "accepted_findings"}) {
            assertThat(error.get(field).get(0).asString()).as(field).isEqualTo("This field is required.");
        }
    }

    @Test
    void create_emptyFindings_is400() throws Exception {
        assertThat(post("{\"name\": \"n\", \"owner\": 1, \"accepted_findings\": []}").statusCode()).isEqualTo(400);
    }

    @Test
    void create_findingsFromTwoEngagements_is403() throws Exception {
        int f1 = newFinding(testA);
        int f2 = newFinding(testInOtherEngagement);
        assertThat(post("{\"name\": \"n\", \"owner\": 1, \"accepted_findings\": [" + f1 + ", " + f2 + "]}")
                .statusCode()).isEqualTo(403);
        assertThat(client.json("/api/v2/findings/" + f1 + "/").get("risk_accepted").asBoolean()).isFalse();
    }

    @Test
    void create_unknownFinding_is400() throws Exception {
        assertThat(post("{\"name\": \"n\", \"owner\": 1, \"accepted_findings\": [99999999]}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void closingAnAcceptedFinding_removesItFromTheAcceptance() throws Exception {
        int f = newFinding(testA);
        int id = SandboxClient.parse(post("{\"name\": \"n\", \"owner\": 1, \"accepted_findings\": [" + f + "]}"))
                .get("id").asInt();
        client.send("POST", "/api/v2/findings/" + f + "/close/", SandboxClient.ADMIN_KEY, "{\"is_mitigated\": true}");
        assertThat(client.json("/api/v2/risk_acceptance/" + id + "/").get("accepted_findings").size()).isZero();
        assertThat(client.json("/api/v2/findings/" + f + "/").get("risk_accepted").asBoolean()).isFalse();
    }

    @Test
    void readOnlyKey_canListButNotCreate() throws Exception {
        assertThat(client.send("GET", "/api/v2/risk_acceptance/", SandboxClient.READ_ONLY_KEY, null).statusCode())
                .isEqualTo(200);
        assertThat(client.send("POST", "/api/v2/risk_acceptance/", SandboxClient.READ_ONLY_KEY, "{}").statusCode())
                .isEqualTo(403);
    }
}
