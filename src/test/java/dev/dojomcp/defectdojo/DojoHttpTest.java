package dev.dojomcp.defectdojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Secret;
import dev.dojomcp.testing.StubDojo;
import dev.dojomcp.testing.StubDojo.Reply;
import dev.dojomcp.defectdojo.model.Product;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DojoHttpTest {
    private static final String KEY = "feedfacefeedfacefeedfacefeedfacefeedface";
    private static final String PAGE = "{\"count\":3,\"next\":\"http://internal:8080/api/v2/products/?limit=1&offset=1\","
            + "\"previous\":null,\"results\":[{\"id\":7,\"name\":\"Web\",\"prod_type\":1,\"unknown_field\":true}]}";
    private StubDojo stub;
    private DefectDojoClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new StubDojo();
        DojoConnection c = DojoConnection.from(Environment.of(Map.of("DEFECTDOJO_URL", stub.baseUrl().toString(),
                "DEFECTDOJO_API_KEY", KEY, "ALLOW_INSECURE_HTTP", "true", "DEFECTDOJO_TIMEOUT_SECONDS", "2")));
        client = new DefectDojoClient(new DojoHttp(c, 1), Secret.of(KEY), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void list_sendsTokenTrailingSlashAndPaging_andRebuildsNextFromOffsets() {
        stub.enqueue(Reply.json(200, PAGE));
        Page<Product> page = client.list(Query.on(Resource.PRODUCTS).set("name", "We b"), 1, 0, Product.class);
        assertThat(page.count()).isEqualTo(3);
        assertThat(page.results()).extracting(Product::name).containsExactly("Web");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.nextOffset()).isEqualTo(1);
        StubDojo.Seen req = stub.requests().get(0);
        assertThat(req.pathAndQuery()).isEqualTo("/api/v2/products/?name=We+b&limit=1&offset=0");
        assertThat(req.authorization()).isEqualTo("Token " + KEY);
    }

    @Test
    void retries_on503_thenSucceeds() {
        stub.enqueue(Reply.json(503, "{}"), Reply.json(502, "<html>"), Reply.json(200, PAGE));
        assertThat(client.count(Query.on(Resource.PRODUCTS))).isEqualTo(3);
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void honoursRetryAfter_on429() {
        stub.enqueue(Reply.withHeader(429, "Retry-After", "1", "{}"), Reply.json(200, PAGE));
        long start = System.nanoTime();
        client.count(Query.on(Resource.PRODUCTS));
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(900);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void givesUp_after3Attempts_withGenericError() {
        stub.otherwise(p -> Reply.json(503, "{\"message\":\"db at 10.0.0.5 is down\"}"));
        assertThatThrownBy(() -> client.count(Query.on(Resource.PRODUCTS)))
                .isInstanceOf(DojoException.class)
                .hasMessage("DefectDojo is unavailable (HTTP 503)");
        assertThat(stub.requests()).hasSize(DojoHttp.MAX_ATTEMPTS);
    }

    @Test
    void doesNotRetry_clientErrorsOr500() {
        stub.enqueue(Reply.json(400, "{\"o\":[\"bad\"]}"));
        assertThatThrownBy(() -> client.count(Query.on(Resource.PRODUCTS))).hasMessageContaining("HTTP 400");
        stub.enqueue(Reply.json(500, "{}"));
        assertThatThrownBy(() -> client.count(Query.on(Resource.PRODUCTS))).hasMessageContaining("HTTP 500");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void errors_neverContainBodyUrlOrToken() {
        stub.otherwise(p -> Reply.json(403, "{\"detail\":\"Invalid token " + KEY + "\"}"));
        assertThatThrownBy(() -> client.get(Resource.FINDINGS, 1, Object.class))
                .isInstanceOf(DojoException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("127.0.0.1")
                        .doesNotContain("Invalid token").doesNotContain("/api/v2"));
    }

    @Test
    void htmlErrorPage_andMalformedJson_areBadResponses() {
        stub.enqueue(Reply.of(200, "text/html", "<html>proxy</html>"));
        assertThatThrownBy(() -> client.count(Query.on(Resource.PRODUCTS)))
                .isInstanceOf(DojoException.class).extracting(e -> ((DojoException) e).failure())
                .isEqualTo(DojoFailure.BAD_RESPONSE);
        stub.enqueue(Reply.json(200, "{\"count\": 3, \"results\": [ {\"id\""));
        assertThatThrownBy(() -> client.count(Query.on(Resource.PRODUCTS)))
                .extracting(e -> ((DojoException) e).failure()).isEqualTo(DojoFailure.BAD_RESPONSE);
    }

    @Test
    void connectionReset_isRetried() {
        stub.enqueue(Reply.connectionReset(), Reply.json(200, PAGE));
        assertThat(client.count(Query.on(Resource.PRODUCTS))).isEqualTo(3);
    }

    @Test
    void unreachableServer_isReportedWithoutUrl() {
        stub.close();
        assertThatThrownBy(() -> client.count(Query.on(Resource.PRODUCTS)))
                .isInstanceOf(DojoException.class).hasMessage("DefectDojo could not be reached");
    }

    @Test
    void capabilities_comeFromTheRouterRoot() {
        stub.enqueue(Reply.json(200, "{\"findings\":\"x\",\"products\":\"x\",\"dojo_groups\":\"x\","
                + "\"dojo_group_members\":\"x\",\"roles\":\"x\"}"));
        Capabilities caps = client.refreshCapabilities();
        assertThat(caps.hasRbacEndpoints()).isTrue();
        assertThat(caps.apiGeneration()).isEqualTo("2.x");
        assertThat(stub.requests().get(0).pathAndQuery()).isEqualTo("/api/v2/");
    }

    @Test
    void findingNotes_unwrapsTheWrapperObject() {
        stub.enqueue(Reply.json(200, "{\"finding_id\":5,\"notes\":[{\"id\":1,\"entry\":\"hi\",\"private\":true,"
                + "\"author\":{\"id\":2,\"username\":\"ann\"}}]}"));
        var notes = client.findingNotes(5);
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.entry()).isEqualTo("hi");
            assertThat(n.isPrivate()).isTrue();
            assertThat(n.author().username()).isEqualTo("ann");
        });
        assertThat(stub.requests().get(0).pathAndQuery()).isEqualTo("/api/v2/findings/5/notes/");
    }

    @Test
    void errorBodySnippet_leavesOutTheRequestsOwnKey() {
        byte[] body = ("{\"detail\":\"Invalid token " + KEY + "\"}\r\nmore").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(DojoHttp.snippet(body, "Token " + KEY)).isEqualTo("{\"detail\":\"Invalid token ***REDACTED***\"} more");
        assertThat(DojoHttp.snippet(body, "")).contains(KEY);
        byte[] atTheCut = ("x".repeat(490) + KEY).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(DojoHttp.snippet(atTheCut, "Token " + KEY)).isEqualTo("x".repeat(490) + "***REDACTE");
    }
}
