package dev.dojomcp.testing;

import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Transport;
import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.sandbox.SandboxServer;
import dev.dojomcp.server.ServerRuntime;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/** Shared set-up: a sandbox, a runtime pointed at it, and helpers to call tools and the raw REST API. */
public final class TestServers implements AutoCloseable {
    public static final String KEY = TestSecrets.DOJO_KEY;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SandboxServer sandbox;
    private final ServerRuntime runtime;

    private TestServers(SandboxServer sandbox, ServerRuntime runtime) {
        this.sandbox = sandbox;
        this.runtime = runtime;
    }

    public static TestServers generated(int findings, long seed, int dojoVersion) throws Exception {
        return start(SandboxOptions.generated(KEY, findings, seed).withDojoVersion(dojoVersion));
    }

    public static TestServers start(SandboxOptions options) throws Exception {
        return start(options, WriteSettings.defaults());
    }

    /** A sandbox and a runtime with these write settings (e.g. an IMPORT_DIR). */
    public static TestServers start(SandboxOptions options, WriteSettings writes) throws Exception {
        SandboxServer sandbox = SandboxServer.start(options);
        ServerRuntime runtime = new ServerRuntime(connection(sandbox.baseUrl(), KEY), Transport.STDIO,
                ServerRuntime.allToolsets(), writes, Clock.systemUTC());
        return new TestServers(sandbox, runtime);
    }

    public static DojoConnection connection(URI base, String key) {
        return DojoConnection.from(Environment.of(Map.of("DEFECTDOJO_URL", base.toString(),
                "DEFECTDOJO_API_KEY", key, "ALLOW_INSECURE_HTTP", "true")));
    }

    /** The shared DefectDojo data folder, or a skipped test when a fresh clone has none. */
    public static Path sharedData(String relative) {
        Path base = Path.of(System.getProperty("dojo.shared.dir", "../shared"));
        Path file = base.resolve("data/defectdojo").resolve(relative);
        Assumptions.assumeTrue(Files.exists(file),
                "skipped: " + file + " not found (the ../shared data folder is only in the project workspace)");
        return file;
    }

    public SandboxServer sandbox() {
        return sandbox;
    }

    public ServerRuntime runtime() {
        return runtime;
    }

    public CallToolResult call(String tool, Map<String, Object> args) {
        return runtime.pipeline().call(runtime.catalog().find(tool).orElseThrow(), args, McpTransportContext.EMPTY);
    }

    public static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> structured(CallToolResult r) {
        if (Boolean.TRUE.equals(r.isError())) {
            throw new AssertionError("tool failed: " + text(r));
        }
        return (Map<String, Object>) r.structuredContent();
    }

    /** GET straight from the sandbox's REST API (path below /api/v2/, including the query). */
    public JsonNode rest(String pathAndQuery) {
        try {
            HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(
                    URI.create(sandbox.baseUrl() + "/api/v2/" + pathAndQuery))
                    .header("Authorization", "Token " + KEY).build(), HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new AssertionError("sandbox answered " + resp.statusCode() + " to " + pathAndQuery);
            }
            return dev.dojomcp.defectdojo.Json.mapper().readTree(resp.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public long restCount(String findingsQuery) {
        return rest("findings/?" + findingsQuery + (findingsQuery.isEmpty() ? "" : "&") + "limit=1").path("count")
                .asLong();
    }

    @Override
    public void close() {
        runtime.close();
        sandbox.close();
    }
}
