package dev.dojomcp.cli;

import dev.dojomcp.audit.AuditLog;
import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.ServerSettings;
import dev.dojomcp.config.Transport;
import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.defectdojo.Capabilities;
import dev.dojomcp.security.AuthSettings;
import dev.dojomcp.security.SecuritySettings;
import dev.dojomcp.server.ServerRuntime;
import dev.dojomcp.tools.ToolSelection;
import dev.dojomcp.transport.HttpTransport;
import dev.dojomcp.transport.StdioTransport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Serve MCP over stdio (default) or Streamable HTTP.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--transport", description = "stdio or http (env MCP_TRANSPORT; default stdio)",
            converter = TransportConverter.class)
    Transport transport;

    @Option(names = "--host", description = "HTTP bind address (env MCP_HOST; default 127.0.0.1)")
    String host;

    @Option(names = "--port", description = "HTTP port (env MCP_PORT; default 8000)")
    Integer port;

    @Option(names = "--toolsets", paramLabel = "LIST",
            description = "Comma-separated toolsets to enable, or all (env MCP_TOOLSETS; default all)")
    String toolsets;

    @Option(names = "--read-only", description = "List only read-only tools (env MCP_READ_ONLY)")
    Boolean readOnly;

    @Override
    public Integer call() throws Exception {
        Environment env = Environment.load(Path.of("").toAbsolutePath());
        StartupGuards.Checked checked = StartupGuards.check(env, transport, host, port, toolsets, readOnly);
        ServerSettings settings = checked.server();
        ToolSelection selection = checked.selection();
        DojoConnection connection = checked.connection();
        WriteSettings writes = checked.writes();
        SecuritySettings security = checked.security();
        try (ServerRuntime runtime = new ServerRuntime(connection, settings.transport(), selection, writes, security,
                Clock.systemUTC())) {
            Capabilities caps = StartupCheck.discover(runtime.dojo());
            security.auth().warnings().forEach(w -> LOG.error("CRITICAL: {}", w));
            checked.audit().warnings().forEach(w -> LOG.error("CRITICAL: {}", w));
            AuditLog audit = AuditedStart.open(checked.audit(), Clock.systemUTC());
            runtime.attachAudit(audit);
            AuditedStart.closeOnShutdown(audit, runtime);
            LOG.info("DefectDojo reachable; API {}; {} tools; authentication: {}; audit: {}", caps.apiGeneration(),
                    runtime.catalog().all().size(), describe(security.auth(), settings.transport()),
                    checked.audit().file() == null ? "stderr" : checked.audit().file());
            try {
                AuditedStart.recordStart(audit, checked, runtime);
                if (settings.transport() == Transport.STDIO) {
                    return serveStdio(runtime);
                }
                return serveHttp(runtime, settings);
            } finally {
                audit.close(settings.transport() == Transport.STDIO ? "stdin closed" : "shutdown", runtime.callTotals());
            }
        }
    }

    private static String describe(AuthSettings auth, Transport transport) {
        if (transport == Transport.STDIO) {
            return "none needed on stdio";
        }
        return switch (auth.mode()) {
            case SERVICE -> auth.bindings().size() + " role token(s): " + auth.bindings().stream()
                    .map(b -> b.callerId() + "=" + b.role().id()).sorted().collect(java.util.stream.Collectors.joining(", "));
            case PASSTHROUGH -> "passthrough (each caller's own DefectDojo key)";
            case NONE -> "none (REQUIRE_AUTH=false)";
        };
    }

    static int serveStdio(ServerRuntime runtime) throws InterruptedException {
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        StdioTransport.serve(runtime, System.in, protocolOut, spec -> { });
        return 0;
    }

    static int serveHttp(ServerRuntime runtime, ServerSettings settings) throws Exception {
        try (HttpTransport http = HttpTransport.start(runtime,
                HttpTransport.HttpOptions.loopback(settings.host(), settings.port()), spec -> { })) {
            System.err.println("dojo-mcp listening on " + http.mcpUrl());
            Foreground.untilShutdown();
        }
        return 0;
    }
}
