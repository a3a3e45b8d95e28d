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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every failure a client sees is generic plus a request id: no DefectDojo body, URL, token or stack. */
class ToolPipelineTest {
    private static final String KEY = "c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff";
    private StubDojo stub;
    private ToolPipeline pipeline;
    private ExecutorService executor;
    private final ToolCatalog catalog = StandardCatalog.create();

    @BeforeEach
    void start() throws Exception {
        stub = new StubDojo();
        DojoConnection c = DojoConnection.from(Environment.of(Map.of("DEFECTDOJO_URL", stub.baseUrl().toString(),
                "DEFECTDOJO_API_KEY", KEY, "ALLOW_INSECURE_HTTP", "true")));
        DefectDojoClient client = new DefectDojoClient(new DojoHttp(c), Secret.of(KEY), Clock.systemUTC());
        executor = Executors.newFixedThreadPool(2);
        pipeline = new ToolPipeline(CallPolicy.unguarded(), (t, caller) -> client, Clock.systemUTC(),
                new ServerProfile("test", "stdio", List.of("findings"), false), executor);
    }

    @AfterEach
    void stop() {
        stub.close();
        executor.shutdownNow();
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        return pipeline.call(catalog.find(tool).orElseThrow(), args, McpTransportContext.EMPTY);
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    @Test
    void dojoError_becomesGenericMessageWithRequestId() {
        stub.otherwise(p -> Reply.json(400, "{\"severity\":[\"Select a valid choice. " + KEY + " at "
                + stub.baseUrl() + "\"]}"));
        CallToolResult r = call("get_findings", Map.of("severity", List.of("High")));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).matches("Error: DefectDojo rejected the request as invalid \\(HTTP 400\\) "
                + "\\(request [0-9a-f]{16}\\)");
        assertThat(text(r)).doesNotContain(KEY).doesNotContain("127.0.0.1").doesNotContain("Select a valid");
    }

    @Test
    void unexpectedFailure_isInternalErrorWithoutStackTrace() {
        stub.otherwise(p -> Reply.json(200, "{\"count\":1,\"results\":[{\"id\":\"not-a-number\"}]}"));
        CallToolResult r = call("get_findings", Map.of());
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void tokenArgument_isRefused() {
        CallToolResult r = call("get_findings", Map.of("token", KEY));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).contains("'token'").doesNotContain(KEY);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void invalidArgument_namesFieldAndRule_neverTheValue() {
        CallToolResult r = call("get_findings", Map.of("discovered_after", "drop table findings"));
        assertThat(text(r)).contains("'discovered_after'").contains("YYYY-MM-DD").doesNotContain("drop table");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void groupsTool_onDojoWithoutRbacEndpoints_saysSo() {
        stub.otherwise(p -> Reply.json(200, "{\"findings\":\"u\",\"products\":\"u\"}"));
        CallToolResult r = call("get_groups", Map.of());
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).contains("no dojo_groups endpoint").contains("DefectDojo 2.x");
    }

    @Test
    void success_hasStructuredContentAndText() {
        stub.otherwise(p -> Reply.json(200, "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":9,"
                + "\"title\":\"Sqli\",\"severity\":\"High\",\"display_status\":\"Active\",\"cwe\":89,"
                + "\"vulnerability_ids\":[{\"vulnerability_id\":\"CVE-1\"}],\"description\":\"long\"}]}"));
        CallToolResult r = call("get_findings", Map.of("limit", 1));
        assertThat(r.isError()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> sc = (Map<String, Object>) r.structuredContent();
        assertThat(sc).containsEntry("count", 1L).containsEntry("has_more", false);
        assertThat(text(r)).contains("#9 [High] Sqli").contains("CWE-89").contains("CVE-1");
        assertThat(stub.requests().get(0).pathAndQuery()).isEqualTo("/api/v2/findings/?limit=1&offset=0");
    }
}
