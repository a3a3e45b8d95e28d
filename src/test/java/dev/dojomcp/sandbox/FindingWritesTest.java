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
import tools.jackson.databind.node.ObjectNode;

/** POST /findings/ (§5.5) and PUT/PATCH /findings/{id}/ (§5.6). */
class FindingWritesTest {
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static SandboxServer server;
    static SandboxClient client;
    static int testId;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 8000, 11)
                .withReadOnlyApiKey(SandboxClient.READ_ONLY_KEY), Clock.fixed(NOW, ZoneOffset.UTC));
        client = new SandboxClient(server);
        testId = client.json("/api/v2/tests/?limit=1").get("results").get(0).get("id").asInt();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A test whose product has enable_simple_risk_acceptance as given (generated products vary). */
    static int testWithSimpleRiskAcceptance(boolean enabled) throws Exception {
        java.util.Map<Integer, Boolean> productFlag = new java.util.HashMap<>();
        for (JsonNode p : client.json("/api/v2/products/?limit=1000").get("results")) {
            productFlag.put(p.get("id").asInt(), p.get("enable_simple_risk_acceptance").asBoolean());
        }
        java.util.Map<Integer, Integer> productOfEngagement = new java.util.HashMap<>();
        for (JsonNode e : client.json("/api/v2/engagements/?limit=1000").get("results")) {
            productOfEngagement.put(e.get("id").asInt(), e.get("product").asInt());
        }
        for (JsonNode t : client.json("/api/v2/tests/?limit=1000").get("results")) {
            Integer product = productOfEngagement.get(t.get("engagement").asInt());
            if (product != null && productFlag.getOrDefault(product, !enabled) == enabled) {
                return t.get("id").asInt();
            }
        }
        throw new AssertionError("no test in a product with enable_simple_risk_acceptance=" + enabled);
    }

    static int createFindingInTest(int test) throws Exception {
        ObjectNode body = validFinding();
        body.put("test", test);
        HttpResponse<String> r = post("/api/v2/findings/", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return SandboxClient.parse(r).get("id").asInt();
    }

    static ObjectNode validFinding() {
        ObjectNode body = Json.object();
        body.put("test", testId);
        body.putArray("found_by");
        body.put("title", "SQL injection in login");
        body.put("severity", "High");
        body.put("numerical_severity", "S0");
        body.put("description", "The login form concatenates input into SQL.");
        body.put("active", true);
        body.put("verified", false);
        return body;
    }

    static HttpResponse<String> post(String path, Object body) throws Exception {
        return client.send("POST", path, SandboxClient.ADMIN_KEY, body.toString());
    }

    static HttpResponse<String> patch(String path, Object body) throws Exception {
        return client.send("PATCH", path, SandboxClient.ADMIN_KEY, body.toString());
    }

    static int createFinding() throws Exception {
        HttpResponse<String> r = post("/api/v2/findings/", validFinding());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return SandboxClient.parse(r).get("id").asInt();
    }

    @Test
    void readOnlyKey_cannotWrite() throws Exception {
        HttpResponse<String> r = client.send("POST", "/api/v2/findings/", SandboxClient.READ_ONLY_KEY,
                validFinding().toString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void createFinding_returns201WithFullFindingAndIsListed() throws Exception {
        HttpResponse<String> r = post("/api/v2/findings/", validFinding());
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode f = SandboxClient.parse(r);
        assertThat(f.get("title").asString()).isEqualTo("SQL injection in login");
        assertThat(f.get("test").asInt()).isEqualTo(testId);
        assertThat(f.get("date").asString()).isEqualTo("2025-06-15");
        assertThat(f.get("reporter").asInt()).isEqualTo(1);
        assertThat(f.get("display_status").asString()).isEqualTo("Active");
        assertThat(f.has("hash_code")).isTrue();
        int id = f.get("id").asInt();
        assertThat(client.json("/api/v2/findings/" + id + "/").get("title").asString())
                .isEqualTo("SQL injection in login");
        assertThat(client.count("title=SQL%20injection%20in%20login")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void createFinding_numericalSeverityIsRecomputedFromSeverity() throws Exception {
        JsonNode f = SandboxClient.parse(post("/api/v2/findings/", validFinding()));
        assertThat(f.get("severity").asString()).isEqualTo("High");
        assertThat(f.get("numerical_severity").asString()).isEqualTo("S1");
    }

    @Test
    void createFinding_missingNumericalSeverity_is400() throws Exception {
        ObjectNode body = validFinding();
        body.remove("numerical_severity");
        HttpResponse<String> r = post("/api/v2/findings/", body);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = SandboxClient.parse(r);
        assertThat(error.get("numerical_severity").get(0).asString()).isEqualTo("This field is required.");
        assertThat(error.has("message")).isTrue();
    }

    @Test
    void createFinding_missingFoundBy_is400_butEmptyListIsAccepted() throws Exception {
        ObjectNode body = validFinding();
        body.remove("found_by");
        HttpResponse<String> r = post("/api/v2/findings/", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("found_by").get(0).asString()).isEqualTo("This field is required.");
    }

    @Test
    void createFinding_everyRequiredFieldIsReported() throws Exception {
        HttpResponse<String> r = post("/api/v2/findings/", Json.object());
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = SandboxClient.parse(r);
        for (String field : new String[] {"test", "found_by", "title", "severity", "numerical_severity",
                "description", "active", "verified"}) {
            assertThat(error.get(field).get(0).asString()).as(field).isEqualTo("This field is required.");
        }
    }

    @Test
    void createFinding_unknownTest_is400() throws Exception {
        ObjectNode body = validFinding();
        body.put("test", 999_999);
        HttpResponse<String> r = post("/api/v2/findings/", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("test").get(0).asString())
                .isEqualTo("Invalid pk \"999999\" - object does not exist.");
    }

    @Test
    void createFinding_invalidSeverity_is400() throws Exception {
        ObjectNode body = validFinding();
        body.put("severity", "high");
        assertThat(post("/api/v2/findings/", body).statusCode()).isEqualTo(400);
    }

    @Test
    void createFinding_activeDuplicate_is400() throws Exception {
        ObjectNode body = validFinding();
        body.put("duplicate", true);
        HttpResponse<String> r = post("/api/v2/findings/", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).has("non_field_errors")).isTrue();
    }

    @Test
    void createFinding_verifiedFalsePositive_is400() throws Exception {
        ObjectNode body = validFinding();
        body.put("active", false);
        body.put("verified", true);
        body.put("false_p", true);
        assertThat(post("/api/v2/findings/", body).statusCode()).isEqualTo(400);
    }

    @Test
    void createFinding_activeRiskAccepted_is400() throws Exception {
        ObjectNode body = validFinding();
        body.put("risk_accepted", true);
        assertThat(post("/api/v2/findings/", body).statusCode()).isEqualTo(400);
    }

    @Test
    void createFinding_malformedJson_is400WithMessage() throws Exception {
        HttpResponse<String> r = client.send("POST", "/api/v2/findings/", SandboxClient.ADMIN_KEY, "{nope");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("message").asString()).isEqualTo("JSON request content is malformed");
    }

    @Test
    void createFinding_withoutContentType_bodyIsIgnoredLikeDrf() throws Exception {
        HttpResponse<String> r = client.sendAs("POST", "/api/v2/findings/", SandboxClient.ADMIN_KEY, null,
                validFinding().toString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("title").get(0).asString()).isEqualTo("This field is required.");
    }

    @Test
    void createFinding_withTextPlain_is415() throws Exception {
        assertThat(client.sendAs("POST", "/api/v2/findings/", SandboxClient.ADMIN_KEY, "text/plain",
                validFinding().toString()).statusCode()).isEqualTo(415);
    }

    @Test
    void createFinding_tagsAreLowerCasedAndCommaSplit() throws Exception {
        ObjectNode body = validFinding();
        body.putArray("tags").add("PCI,Prod").add("web");
        JsonNode f = SandboxClient.parse(post("/api/v2/findings/", body));
        assertThat(f.get("tags").toString()).isEqualTo("[\"pci\",\"prod\",\"web\"]");
    }

    @Test
    void patchFinding_changesOnlySentFields() throws Exception {
        int id = createFinding();
        ObjectNode change = Json.object();
        change.put("severity", "Critical");
        HttpResponse<String> r = patch("/api/v2/findings/" + id + "/", change);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode f = SandboxClient.parse(r);
        assertThat(f.get("severity").asString()).isEqualTo("Critical");
        assertThat(f.get("numerical_severity").asString()).isEqualTo("S0");
        assertThat(f.get("title").asString()).isEqualTo("SQL injection in login");
    }

    @Test
    void patchFinding_testIsReadOnly() throws Exception {
        int id = createFinding();
        ObjectNode change = Json.object();
        change.put("test", testId + 1);
        JsonNode f = SandboxClient.parse(patch("/api/v2/findings/" + id + "/", change));
        assertThat(f.get("test").asInt()).isEqualTo(testId);
    }

    @Test
    void patchFinding_nonNullMitigated_is400() throws Exception {
        int id = createFinding();
        ObjectNode change = Json.object();
        change.put("mitigated", "2025-06-01T00:00:00Z");
        HttpResponse<String> r = patch("/api/v2/findings/" + id + "/", change);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).has("mitigated")).isTrue();
    }

    @Test
    void patchFinding_duplicateOnActiveFinding_is400AndNothingChanges() throws Exception {
        int id = createFinding();
        ObjectNode change = Json.object();
        change.put("duplicate", true);
        change.put("title", "changed");
        assertThat(patch("/api/v2/findings/" + id + "/", change).statusCode()).isEqualTo(400);
        assertThat(client.json("/api/v2/findings/" + id + "/").get("title").asString())
                .isEqualTo("SQL injection in login");
    }

    @Test
    void patchFinding_riskAcceptedWithoutSimpleRiskAcceptance_is400() throws Exception {
        int id = createFindingInTest(testWithSimpleRiskAcceptance(false));
        ObjectNode change = Json.object();
        change.put("active", false);
        change.put("risk_accepted", true);
        HttpResponse<String> r = patch("/api/v2/findings/" + id + "/", change);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).has("risk_accepted")).isTrue();
    }

    @Test
    void patchFinding_riskAcceptedOnActiveFinding_is400() throws Exception {
        int id = createFindingInTest(testWithSimpleRiskAcceptance(true));
        ObjectNode change = Json.object();
        change.put("risk_accepted", true);
        HttpResponse<String> r = patch("/api/v2/findings/" + id + "/", change);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("non_field_errors").get(0).asString())
                .isEqualTo("Active findings cannot be risk accepted.");
    }

    @Test
    void patchFinding_simpleRiskAcceptance_thenUnaccept_reactivates() throws Exception {
        int id = createFindingInTest(testWithSimpleRiskAcceptance(true));
        ObjectNode accept = Json.object();
        accept.put("active", false);
        accept.put("risk_accepted", true);
        JsonNode f = SandboxClient.parse(patch("/api/v2/findings/" + id + "/", accept));
        assertThat(f.get("risk_accepted").asBoolean()).isTrue();
        assertThat(f.get("active").asBoolean()).isFalse();
        ObjectNode unaccept = Json.object();
        unaccept.put("risk_accepted", false);
        f = SandboxClient.parse(patch("/api/v2/findings/" + id + "/", unaccept));
        assertThat(f.get("risk_accepted").asBoolean()).isFalse();
        assertThat(f.get("active").asBoolean()).isTrue();
    }

    @Test
    void putFinding_requiresTheFullRepresentation() throws Exception {
        int id = createFinding();
        ObjectNode change = Json.object();
        change.put("title", "only a title");
        HttpResponse<String> r = client.send("PUT", "/api/v2/findings/" + id + "/", SandboxClient.ADMIN_KEY,
                change.toString());
        assertThat(r.statusCode()).isEqualTo(400);
        ObjectNode full = validFinding();
        full.put("title", "replaced");
        r = client.send("PUT", "/api/v2/findings/" + id + "/", SandboxClient.ADMIN_KEY, full.toString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SandboxClient.parse(r).get("title").asString()).isEqualTo("replaced");
    }

    @Test
    void deleteFinding_isStill405() throws Exception {
        int id = createFinding();
        assertThat(client.send("DELETE", "/api/v2/findings/" + id + "/", SandboxClient.ADMIN_KEY, null)
                .statusCode()).isEqualTo(405);
    }
}
