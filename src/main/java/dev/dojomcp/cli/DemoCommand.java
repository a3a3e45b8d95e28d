package dev.dojomcp.cli;

import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.audit.AuditLog;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Secret;
import dev.dojomcp.config.Transport;
import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.security.AuthSettings;
import dev.dojomcp.security.Role;
import dev.dojomcp.security.RoleBinding;
import dev.dojomcp.security.SecuritySettings;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.sandbox.SandboxServer;
import dev.dojomcp.server.ServerRuntime;
import dev.dojomcp.transport.HttpTransport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Start the DefectDojo sandbox with generated data and serve MCP over HTTP against it.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8000", description = "MCP HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--sandbox-port", defaultValue = "0", description = "Sandbox port (default: any free port)")
    int sandboxPort;

    @Option(names = "--findings", defaultValue = "3000", description = "Generated findings (default ${DEFAULT-VALUE})")
    int findings;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dojo-version", defaultValue = "3", description = "Emulate DefectDojo 2 or 3 (default ${DEFAULT-VALUE})")
    int dojoVersion;

    @Override
    public Integer call() throws Exception {
        String key = randomKey();
        String token = randomKey();
        SandboxOptions sandboxOptions = SandboxOptions.generated(key, findings, seed)
                .withPort(sandboxPort).withDojoVersion(dojoVersion);
        try (SandboxServer sandbox = SandboxServer.start(sandboxOptions)) {
            Environment env = Environment.of(Map.of(
                    DojoConnection.URL, sandbox.baseUrl().toString(),
                    DojoConnection.API_KEY, key,
                    DojoConnection.ALLOW_INSECURE_HTTP, "true"));
            DojoConnection connection = DojoConnection.from(env);
            SecuritySettings security = SecuritySettings.defaults().withAuth(AuthSettings.service(List.of(
                    new RoleBinding("demo token", "demo", Secret.of(token), Role.ADMIN))));
            dev.dojomcp.security.LogRedaction.register(Secret.of(token));
            DemoAudit demoAudit = DemoAudit.create();
            AuditLog audit = AuditedStart.open(demoAudit.settings(), Clock.systemUTC());
            try (ServerRuntime runtime = new ServerRuntime(connection, Transport.HTTP, ServerRuntime.allToolsets(),
                    WriteSettings.defaults(), security, audit, Clock.systemUTC())) {
                AuditedStart.closeOnShutdown(audit, runtime);
                StartupCheck.discover(runtime.dojo());
                audit.recordDurably("lifecycle", Map.of("event", "start", "version", dev.dojomcp.Version.current(),
                        "transport", "http", "config", Map.of("demo", true, "auth_mode", "service",
                                "role_bindings", Map.of("demo", "admin"), "defectdojo", "sandbox on loopback")));
                try (HttpTransport http = HttpTransport.start(runtime,
                        HttpTransport.HttpOptions.loopback("127.0.0.1", port), spec -> { })) {
                    printWelcome(System.err, http, sandbox, key, token);
                    demoAudit.printHow(System.err);
                    Foreground.untilShutdown();
                }
            } finally {
                audit.close("shutdown", Map.of());
            }
        }
        return 0;
    }

    private void printWelcome(PrintStream out, HttpTransport http, SandboxServer sandbox, String key, String token) {
        String mcp = http.mcpUrl().toString();
        String header = "Authorization: Bearer " + token;
        String launcher = Path.of("bin", "dojo-mcp").toAbsolutePath().toString();
        out.println();
        out.println("dojo-mcp demo is running (Ctrl-C to stop)");
        out.println("  MCP (Streamable HTTP): " + mcp);
        out.println("  DefectDojo sandbox:    " + sandbox.baseUrl() + "/api/v2/  (" + findings
                + " generated findings, seed " + seed + ", DefectDojo " + dojoVersion + ".x API)");
        out.println("  MCP token (admin):     " + token + "  (send as \"" + "Authorization: Bearer <token>\")");
        out.println("  Sandbox API key:       " + key + "  (demo only; both are valid while this runs)");
        out.println();
        out.println("Claude Desktop, over HTTP via mcp-remote (claude_desktop_config.json):");
        out.println("""
                {"mcpServers": {"defectdojo": {"command": "npx", "args": ["-y", "mcp-remote", "%s",
                  "--header", "%s"]}}}"""
                .formatted(mcp, header));
        out.println();
        out.println("Claude Desktop, over stdio against the same sandbox:");
        out.println("""
                {"mcpServers": {"defectdojo": {"command": "%s", "args": ["serve"], "env": {
                  "DEFECTDOJO_URL": "%s", "DEFECTDOJO_API_KEY": "%s", "ALLOW_INSECURE_HTTP": "true"}}}}"""
                .formatted(launcher, sandbox.baseUrl(), key));
        out.println();
        out.println("Claude Code:    claude mcp add --transport http defectdojo " + mcp + " --header \"" + header
                + "\"");
        out.println("Inspector CLI:  npx @modelcontextprotocol/inspector@2.12.0 --cli " + mcp
                + " --transport http --header \"" + header + "\" --method tools/list");
        out.println("                npx @modelcontextprotocol/inspector@2.12.0 --cli " + mcp
                + " --transport http --header \"" + header + "\" --method tools/call --tool-name finding_summary");
        out.println();
    }

    private static String randomKey() {
        byte[] b = new byte[20];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
