package dev.dojomcp.testing;

import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Secret;
import dev.dojomcp.config.Transport;
import dev.dojomcp.security.AuthSettings;
import dev.dojomcp.security.LimitSettings;
import dev.dojomcp.security.Role;
import dev.dojomcp.security.RoleBinding;
import dev.dojomcp.security.SecuritySettings;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/** Shared set-up: a sandbox, a runtime pointed at it, and helpers to call tools and the raw REST API. */
public final class TestServers implements AutoCloseable {
    public static final String KEY = TestSecrets.DOJO_KEY;
    /** Role tokens every test server accepts over HTTP (service authentication). */
    public static final String ADMIN_TOKEN = TestSecrets.ADMIN_TOKEN;
    public static final String WRITER_TOKEN = TestSecrets.WRITER_TOKEN;
    public static final String SCANNER_TOKEN = TestSecrets.SCANNER_TOKEN;
    public static final String READER_TOKEN = TestSecrets.READER_TOKEN;
    /** Limits high enough that only tests about limits meet them. */
    public static final LimitSettings GENEROUS_LIMITS = new LimitSettings(1_000_000, Duration.ofSeconds(60),
            1_000_000, 64);
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
        return start(options, writes, security());
    }

    /** A sandbox and a runtime with these write and security settings. */
    public static TestServers start(SandboxOptions options, WriteSettings writes, SecuritySettings security)
            throws Exception {
        return start(options, writes, security, null);
    }

    /** A sandbox and a runtime that records every call in this audit trail. */
    public static TestServers start(SandboxOptions options, WriteSettings writes, SecuritySettings security,
            dev.dojomcp.audit.AuditLog audit) throws Exception {
        SandboxServer sandbox = SandboxServer.start(options);
        ServerRuntime runtime = new ServerRuntime(connection(sandbox.baseUrl(), KEY), Transport.STDIO,
                ServerRuntime.allToolsets(), writes, security, audit, Clock.systemUTC());
        return new TestServers(sandbox, runtime);
    }

    /** The four role tokens, generous limits, wrapping on. */
    public static SecuritySettings security() {
        return new SecuritySettings(AuthSettings.service(List.of(
                binding("admin", ADMIN_TOKEN, Role.ADMIN), binding("writer", WRITER_TOKEN, Role.WRITER),
                binding("scanner", SCANNER_TOKEN, Role.SCANNER), binding("reader", READER_TOKEN, Role.READER))),
                GENEROUS_LIMITS, true);
    }

    private static RoleBinding binding(String name, String token, Role role) {
        return new RoleBinding("MCP_ROLE_" + name.toUpperCase(java.util.Locale.ROOT), name, Secret.of(token), role);
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

    /** The structured result with every untrusted-content wrapper replaced by its value. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> unwrapped(CallToolResult r) {
        return (Map<String, Object>) unwrap(structured(r));
    }

    /** {@code {"value": v, "_warning": …}} → v, anywhere in the value. */
    public static Object unwrap(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.size() == 2 && m.containsKey("value") && m.containsKey("_warning")) {
                return unwrap(m.get("value"));
            }
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), unwrap(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(TestServers::unwrap).toList();
        }
        return value;
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
