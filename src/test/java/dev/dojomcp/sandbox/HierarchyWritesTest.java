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

/** POST /products/, /engagements/ (+ PATCH, close, reopen) and /tests/ (§6.1–§6.4). */
class HierarchyWritesTest {
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static SandboxServer server;
    static SandboxClient client;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 200, 17)
                .withReadOnlyApiKey(SandboxClient.READ_ONLY_KEY), Clock.fixed(NOW, ZoneOffset.UTC));
        client = new SandboxClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(method, path, SandboxClient.ADMIN_KEY, body);
    }

    static int create(String path, String body) throws Exception {
        HttpResponse<String> r = send("POST", path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return SandboxClient.parse(r).get("id").asInt();
    }

    static int newProduct(String name) throws Exception {
        return create("/api/v2/products/", "{\"name\": \"" + name + "\", \"description\": \"d\", \"prod_type\": 1}");
    }

    static int newEngagement(int product) throws Exception {
        return create("/api/v2/engagements/", "{\"product\": " + product
                + ", \"target_start\": \"2025-06-01\", \"target_end\": \"2025-06-30\", \"name\": \"Q2\"}");
    }

    @Test
    void createProduct_returns201AndIsListed() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v2/products/",
                "{\"name\": \"Billing API\", \"description\": \"Invoices\", \"prod_type\": 1, \"tags\": [\"PCI\"]}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode p = SandboxClient.parse(r);
        assertThat(p.get("name").asString()).isEqualTo("Billing API");
        assertThat(p.get("findings_count").asInt()).isZero();
        assertThat(p.get("tags").get(0).asString()).isEqualTo("pci");
        assertThat(p.get("enable_full_risk_acceptance").asBoolean()).isTrue();
        assertThat(client.json("/api/v2/products/?name_exact=Billing%20API").get("count").asInt()).isEqualTo(1);
    }

    @Test
    void productsWithoutAChoice_areSkippedByChoiceFilters_notA500() throws Exception {
        int product = newProduct("No criticality");
        assertThat(client.json("/api/v2/products/?id=" + product).path("results").get(0)
                .path("business_criticality").isNull()).isTrue();
        for (String filter : new String[] {"business_criticality=high", "platform=web", "lifecycle=production",
            "origin=internal"}) {
            JsonNode page = client.json("/api/v2/products/?" + filter + "&limit=1000");
            page.path("results").forEach(p -> assertThat(p.path("id").asInt()).isNotEqualTo(product));
        }
    }

    @Test
    void idsBeyondTheIntegerColumn_areNoSuchObject_notA500() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v2/products/",
                "{\"name\": \"Huge ids\", \"description\": \"d\", \"prod_type\": 9223372036854775807}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).path("prod_type").get(0).asString())
                .isEqualTo("Invalid pk \"9223372036854775807\" - object does not exist.");
        int engagement = newEngagement(newProduct("Huge lead"));
        r = send("PATCH", "/api/v2/engagements/" + engagement + "/", "{\"lead\": \"2147483648\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).has("lead")).isTrue();
    }

    @Test
    void createProduct_missingFields_is400() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v2/products/", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = SandboxClient.parse(r);
        assertThat(error.has("name")).isTrue();
        assertThat(error.has("description")).isTrue();
        assertThat(error.has("prod_type")).isTrue();
    }

    @Test
    void createProduct_duplicateName_is400() throws Exception {
        newProduct("Unique One");
        HttpResponse<String> r = send("POST", "/api/v2/products/",
                "{\"name\": \"Unique One\", \"description\": \"d\", \"prod_type\": 1}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).has("name")).isTrue();
    }

    @Test
    void createProduct_unknownProductType_is400() throws Exception {
        assertThat(send("POST", "/api/v2/products/", "{\"name\": \"X9\", \"description\": \"d\", \"prod_type\": 999}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void createEngagement_returns201() throws Exception {
        int product = newProduct("Engaged");
        HttpResponse<String> r = send("POST", "/api/v2/engagements/",
                "{\"product\": " + product + ", \"target_start\": \"2025-06-01\", \"target_end\": \"2025-06-30\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode e = SandboxClient.parse(r);
        assertThat(e.get("product").asInt()).isEqualTo(product);
        assertThat(e.get("target_end").asString()).isEqualTo("2025-06-30");
        assertThat(e.get("active").asBoolean()).isTrue();
    }

    @Test
    void createEngagement_endBeforeStart_is400() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v2/engagements/",
                "{\"product\": 1, \"target_start\": \"2025-06-30\", \"target_end\": \"2025-06-01\"}");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void createEngagement_missingDates_is400() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v2/engagements/", "{\"product\": 1}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("target_start").get(0).asString()).isEqualTo("This field is required.");
    }

    @Test
    void patchEngagement_changesSentFields() throws Exception {
        int e = newEngagement(newProduct("Patched"));
        HttpResponse<String> r = send("PATCH", "/api/v2/engagements/" + e + "/", "{\"version\": \"2.0\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SandboxClient.parse(r).get("version").asString()).isEqualTo("2.0");
        assertThat(SandboxClient.parse(r).get("name").asString()).isEqualTo("Q2");
    }

    @Test
    void closeAndReopenEngagement_answerEmptyObject() throws Exception {
        int e = newEngagement(newProduct("Closable"));
        HttpResponse<String> r = send("POST", "/api/v2/engagements/" + e + "/close/", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
        JsonNode closed = client.json("/api/v2/engagements/" + e + "/");
        assertThat(closed.get("active").asBoolean()).isFalse();
        assertThat(closed.get("status").asString()).isEqualTo("Completed");
        assertThat(send("POST", "/api/v2/engagements/" + e + "/reopen/", null).body()).isEqualTo("{}");
        assertThat(client.json("/api/v2/engagements/" + e + "/").get("active").asBoolean()).isTrue();
    }

    @Test
    void createTest_thenAFindingInIt_isFilterableByProduct() throws Exception {
        int product = newProduct("Tested");
        int e = newEngagement(product);
        HttpResponse<String> r = send("POST", "/api/v2/tests/", "{\"engagement\": " + e
                + ", \"test_type\": 1, \"target_start\": \"2025-06-01T00:00:00Z\", \"target_end\": \"2025-06-02T00:00:00Z\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode t = SandboxClient.parse(r);
        assertThat(t.get("engagement").asInt()).isEqualTo(e);
        assertThat(t.get("target_start").asString()).isEqualTo("2025-06-01T00:00:00.000000Z");
        int testId = t.get("id").asInt();
        create("/api/v2/findings/", "{\"test\": " + testId + ", \"found_by\": [], \"title\": \"t\", "
                + "\"severity\": \"Low\", \"numerical_severity\": \"S3\", \"description\": \"d\", "
                + "\"active\": true, \"verified\": false}");
        assertThat(client.count("test__engagement__product=" + product)).isEqualTo(1);
        assertThat(client.json("/api/v2/products/" + product + "/").get("findings_count").asInt()).isEqualTo(1);
    }

    @Test
    void createTest_missingFields_is400() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v2/tests/", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = SandboxClient.parse(r);
        for (String field : new String[] {"engagement", "test_type", "target_start", "target_end"}) {
            assertThat(error.has(field)).as(field).isTrue();
        }
    }
}
