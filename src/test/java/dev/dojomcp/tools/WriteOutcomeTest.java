package dev.dojomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Secret;
import dev.dojomcp.defectdojo.DefectDojoClient;
import dev.dojomcp.defectdojo.DojoHttp;
import dev.dojomcp.server.StandardCatalog;
import dev.dojomcp.testing.StubDojo;
import dev.dojomcp.testing.StubDojo.Reply;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write outcome envelope against scripted DefectDojo answers: each kind, sanitised errors, no retries. */
class WriteOutcomeTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef01234567";
    private static final String CLOSED = "{\"id\": 5, \"title\": \"Sqli\", \"severity\": \"High\", \"active\": false, "
            + "\"verified\": false, \"is_mitigated\": true, \"false_p\": false, \"duplicate\": false, "
            + "\"out_of_scope\": false, \"risk_accepted\": false, \"test\": 3}";
    private static final String OPEN = CLOSED.replace("\"active\": false", "\"active\": true")
            .replace("\"is_mitigated\": true", "\"is_mitigated\": false");
    private StubDojo stub;
    private ExecutorService executor;
    private final ToolCatalog catalog = StandardCatalog.create();

    @BeforeEach
    void start() throws Exception {
        stub = new StubDojo();
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        stub.close();
        executor.shutdownNow();
    }

    private CallToolResult call(URI base, String tool, Map<String, Object> args) {
        DojoConnection c = DojoConnection.from(Environment.of(Map.of("DEFECTDOJO_URL", base.toString(),
                "DEFECTDOJO_API_KEY", KEY, "ALLOW_INSECURE_HTTP", "true", "DEFECTDOJO_TIMEOUT_SECONDS", "3")));
        DefectDojoClient client = new DefectDojoClient(new DojoHttp(c), Secret.of(KEY), Clock.systemUTC());
        ToolPipeline pipeline = new ToolPipeline(CallPolicy.unguarded(), (t, caller) -> client, Clock.systemUTC(),
                new ServerProfile("test", "stdio", List.of("findings"), false), executor);
        return pipeline.call(catalog.find(tool).orElseThrow(), args, McpTransportContext.EMPTY);
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        return call(stub.baseUrl(), tool, args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> envelope(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private long count(String method) {
        return stub.requests().stream().filter(s -> s.method().equals(method)).count();
    }

    @Test
    void followUpFailure_afterTheMainChange_isPartial_andNotAToolError() {
        stub.enqueue(Reply.json(200, CLOSED), Reply.json(200, OPEN), Reply.json(500, "{\"message\": \"boom\"}"),
                Reply.json(200, OPEN));
        CallToolResult r = call("reopen_finding", Map.of("finding_id", 5, "note", "regressed"));
        assertThat(r.isError()).isFalse();
        Map<String, Object> e = envelope(r);
        assertThat(e).containsEntry("outcome", "partial").containsEntry("changed", true);
        assertThat(e.get("steps").toString()).contains("name=reopen, outcome=committed", "name=note, outcome=unknown");
        assertThat(text(r)).startsWith("partial:");
    }

    @Test
    void connectionDroppedAfterSending_isUnknown_andTheWriteIsNotRetried() {
        stub.enqueue(Reply.json(200, OPEN), Reply.connectionReset());
        CallToolResult r = call("update_finding", Map.of("finding_id", 5, "title", "New title"));
        assertThat(r.isError()).isTrue();
        assertThat(envelope(r)).containsEntry("outcome", "unknown").containsEntry("changed", false);
        assertThat(text(r)).contains("may or may not have been applied");
        assertThat(count("PATCH")).isEqualTo(1);
    }

    @Test
    void serverErrorOnAWrite_isUnknown_andSentOnce_whereAReadWouldBeRetried() {
        stub.otherwise(p -> Reply.json(503, "{}"));
        CallToolResult r = call("create_product", Map.of("name", "P", "description", "d", "product_type_id", 1));
        assertThat(envelope(r)).containsEntry("outcome", "unknown").containsEntry("http_status", 503);
        assertThat(count("POST")).isEqualTo(1);
    }

    @Test
    void validationErrors_areSanitised_noSecretHostOrQuotedInput() {
        stub.enqueue(Reply.json(400, "{\"name\": [\"product with this name already exists.\"], \"prod_type\": "
                + "[\"Invalid pk \\\"777\\\" - object does not exist.\"], \"description\": [\"token " + KEY + " at "
                + stub.baseUrl() + "\"], \"message\": \"summary\"}"));
        CallToolResult r = call("create_product", Map.of("name", "Shop", "description", "d", "product_type_id", 777));
        assertThat(r.isError()).isTrue();
        Map<String, Object> e = envelope(r);
        assertThat(e).containsEntry("outcome", "rejected").containsEntry("rejected_by", "defectdojo")
                .containsEntry("http_status", 400);
        String all = e.toString() + text(r);
        assertThat(all).contains("field=name, message=product with this name already exists.")
                .contains("Invalid pk \"…\" - object does not exist.")
                .doesNotContain("777").doesNotContain(KEY).doesNotContain("127.0.0.1").doesNotContain("summary");
    }

    @Test
    void rateLimitedWrite_isRejected_withTheRetryHint() {
        stub.enqueue(Reply.withHeader(429, "Retry-After", "17", "{\"detail\": \"Request was throttled.\"}"));
        CallToolResult r = call("create_product", Map.of("name", "P", "description", "d", "product_type_id", 1));
        assertThat(envelope(r)).containsEntry("outcome", "rejected").containsEntry("retry_after_seconds", 17);
        assertThat(text(r)).contains("retry after 17 s");
    }

    @Test
    void unreachableDefectDojo_isRejected_asNotSent() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CallToolResult r = call(URI.create("http://127.0.0.1:" + port), "create_product",
                Map.of("name", "P", "description", "d", "product_type_id", 1));
        assertThat(envelope(r)).containsEntry("outcome", "rejected").doesNotContainKey("rejected_by");
        assertThat(text(r)).contains("nothing was sent");
    }

    @Test
    void alreadyInTheRequestedState_sendsNothing() {
        stub.enqueue(Reply.json(200, CLOSED));
        CallToolResult r = call("close_finding", Map.of("finding_id", 5, "reason", "mitigated"));
        assertThat(envelope(r)).containsEntry("outcome", "committed").containsEntry("changed", false);
        assertThat(count("POST")).isZero();
    }
}
