package dev.dojomcp.cli;

import dev.dojomcp.Main;
import dev.dojomcp.audit.AuditLog;
import dev.dojomcp.audit.AuditSettings;
import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.security.SecuritySettings;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Transport;
import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.defectdojo.Json;
import dev.dojomcp.server.ServerRuntime;
import dev.dojomcp.tools.Progress;
import dev.dojomcp.tools.ToolSelection;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Runs one tool from the command line through the same pipeline an MCP client's call takes, with
 * the report's folder as IMPORT_DIR, and maps the outcome to an exit status: 0 committed, 1 refused
 * or failed, 2 configuration error, 3 unknown (the request went out but its result is not known).
 */
final class ToolRun {
    static final int FAILED = 1;
    static final int UNKNOWN = 3;

    private ToolRun() {
    }

    static int run(String tool, Map<String, Object> arguments, Path reportDir, boolean json, PrintWriter out,
            PrintWriter err) {
        Environment env = Environment.load(Path.of("").toAbsolutePath());
        DojoConnection connection = DojoConnection.from(env);
        WriteSettings writes = WriteSettings.from(env).withImportDir(reportDir);
        // Command-line runs join the audit trail when one is configured (the file's lock keeps one writer).
        AuditLog audit = env.get(AuditSettings.LOG_FILE).isPresent()
                ? AuditedStart.open(AuditSettings.from(env, Transport.STDIO), Clock.systemUTC()) : null;
        try (ServerRuntime runtime = new ServerRuntime(connection, Transport.STDIO, ToolSelection.all(), writes,
                SecuritySettings.defaults(), audit, Clock.systemUTC())) {
            StartupCheck.discover(runtime.dojo());
            var spec = runtime.catalog().find(tool).orElseThrow(() -> new IllegalStateException(
                    "the " + tool + " tool is not offered (is " + DojoConnection.WRITE_API_KEY + " set?)"));
            Progress progress = (done, total, message) -> {
                if (total != null && total > 0) {
                    err.printf("%s: %d%%%n", message, Math.round(100 * done / total));
                    err.flush();
                }
            };
            CallToolResult result = runtime.pipeline().call(spec, arguments, McpTransportContext.EMPTY, dev.dojomcp.tools.CallOrigin.local("cli"), progress);
            String text = result.content().isEmpty() ? "" : ((TextContent) result.content().get(0)).text();
            Object structured = result.structuredContent();
            String outcome = structured instanceof Map<?, ?> m && m.get("outcome") != null
                    ? m.get("outcome").toString() : Boolean.TRUE.equals(result.isError()) ? "error" : "committed";
            if (json && structured != null) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(structured));
            } else if (!Boolean.TRUE.equals(result.isError())) {
                out.println(text);
            }
            out.flush();
            if (Boolean.TRUE.equals(result.isError())) {
                err.println("dojo-mcp: " + tool + ": " + text);
                err.flush();
                return outcome.equals("unknown") ? UNKNOWN : FAILED;
            }
            return 0;
        } finally {
            if (audit != null) {
                audit.close("command finished", Map.of());
            }
        }
    }

    static int configError(PrintWriter err, String message) {
        err.println("dojo-mcp: " + message);
        return Main.CONFIG_ERROR;
    }
}
