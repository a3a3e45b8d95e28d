package dev.dojomcp.cli;

import dev.dojomcp.audit.AuditSettings;
import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.ServerSettings;
import dev.dojomcp.config.Transport;
import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.security.AuthSettings;
import dev.dojomcp.security.LimitSettings;
import dev.dojomcp.security.SecuritySettings;
import dev.dojomcp.tools.ToolSelection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every configuration check that refuses start-up, in one place: {@link #check} runs them in the order
 * {@code serve} needs them, and {@link #GUARDS} lists them for the README (generated) and for a test
 * that triggers each one from its example and expects a one-line error naming the variable.
 */
public final class StartupGuards {
    /** One guard: the variable named in the error, when it refuses, and an environment that trips it. */
    public record Guard(String variable, String refusesWhen, Map<String, String> example) {
    }

    /** What passed the guards. */
    public record Checked(ServerSettings server, ToolSelection selection, DojoConnection connection,
            WriteSettings writes, SecuritySettings security, AuditSettings audit) {
    }

    private static final String TOKEN = "0123456789abcdef-example";
    private static final String AUDIT_KEY = "example-audit-hmac-key-0123456789abcdef";

    public static final List<Guard> GUARDS = List.of(
            new Guard(ServerSettings.TRANSPORT, "is not `stdio` or `http`", Map.of(ServerSettings.TRANSPORT, "sse")),
            new Guard(ServerSettings.HOST, "is not a host name or IP address", Map.of(ServerSettings.HOST, "a b")),
            new Guard(ServerSettings.PORT, "is not a port number 0–65535", Map.of(ServerSettings.PORT, "70000")),
            new Guard(ToolSelection.TOOLSETS, "names an unknown toolset, or none",
                    Map.of(ToolSelection.TOOLSETS, "findings,nope")),
            new Guard(ToolSelection.READ_ONLY, "is not true/false", Map.of(ToolSelection.READ_ONLY, "maybe")),
            new Guard(DojoConnection.URL, "is missing, not a URL, has no host, carries credentials, a query or a "
                    + "fragment, or is plain `http://` without `ALLOW_INSECURE_HTTP=true`",
                    Map.of(DojoConnection.URL, "http://dojo.example.com")),
            new Guard(DojoConnection.API_KEY, "is missing (and no `DEFECTDOJO_READ_API_KEY`), or is not one "
                    + "printable token; at start-up: DefectDojo refuses it", Map.of(DojoConnection.API_KEY, "two words")),
            new Guard(DojoConnection.READ_API_KEY, "is not one printable token",
                    Map.of(DojoConnection.READ_API_KEY, "two words")),
            new Guard(DojoConnection.WRITE_API_KEY, "is not one printable token",
                    Map.of(DojoConnection.WRITE_API_KEY, "two words")),
            new Guard(DojoConnection.CA_FILE, "is not a readable PEM certificate file, or the URL is not https",
                    Map.of(DojoConnection.CA_FILE, "/nonexistent/ca.pem")),
            new Guard(DojoConnection.TIMEOUT_SECONDS, "is not a whole number 1–600",
                    Map.of(DojoConnection.TIMEOUT_SECONDS, "0")),
            new Guard(DojoConnection.IMPORT_TIMEOUT_SECONDS, "is not a whole number 10–3600",
                    Map.of(DojoConnection.IMPORT_TIMEOUT_SECONDS, "5")),
            new Guard(DojoConnection.MAX_CONNECTIONS, "is not a whole number 1–256",
                    Map.of(DojoConnection.MAX_CONNECTIONS, "1000")),
            new Guard(DojoConnection.ALLOW_INSECURE_HTTP, "is not true/false",
                    Map.of(DojoConnection.ALLOW_INSECURE_HTTP, "perhaps")),
            new Guard(WriteSettings.DEFAULT_FOUND_BY_ID, "is not a positive id",
                    Map.of(WriteSettings.DEFAULT_FOUND_BY_ID, "-1")),
            new Guard(WriteSettings.IMPORT_DIR, "is not an existing directory",
                    Map.of(WriteSettings.IMPORT_DIR, "/nonexistent/reports")),
            new Guard(WriteSettings.IMPORT_MAX_MB, "is not a whole number in range",
                    Map.of(WriteSettings.IMPORT_MAX_MB, "0")),
            new Guard(AuthSettings.ROLE_PREFIX + "<NAME>", "the HTTP transport has no authentication configured (and "
                    + "`REQUIRE_AUTH` is not false)", Map.of(ServerSettings.TRANSPORT, "http")),
            new Guard(AuthSettings.ROLE_PREFIX + "READER", "any binding is malformed: no `:<role>`, an unknown role, "
                    + "a token shorter than 16 characters or with spaces, a bad name, or a token another binding uses",
                    Map.of(AuthSettings.ROLE_PREFIX + "READER", TOKEN)),
            new Guard(AuthSettings.AUTH_TOKEN, "is shorter than 16 characters or has spaces",
                    Map.of(AuthSettings.AUTH_TOKEN, "short")),
            new Guard(AuthSettings.READ_TOKEN, "is shorter than 16 characters or has spaces",
                    Map.of(AuthSettings.READ_TOKEN, "short")),
            new Guard(AuthSettings.MODE, "is not `service` or `passthrough`; `passthrough` with role tokens; "
                    + "`service` without any", Map.of(AuthSettings.MODE, "passthrough", AuthSettings.AUTH_TOKEN,
                            "admin-" + TOKEN)),
            new Guard(AuthSettings.REQUIRE_AUTH, "is not true/false",
                    Map.of(ServerSettings.TRANSPORT, "http", AuthSettings.REQUIRE_AUTH, "nah")),
            new Guard(LimitSettings.MUTATION_RATE_LIMIT, "is not a whole number ≥ 1",
                    Map.of(LimitSettings.MUTATION_RATE_LIMIT, "0")),
            new Guard(LimitSettings.MUTATION_RATE_WINDOW, "is not a whole number of seconds 1–86400",
                    Map.of(LimitSettings.MUTATION_RATE_WINDOW, "1m")),
            new Guard(LimitSettings.OPEN_ACCESS_MUTATION_RATE_LIMIT, "is not a whole number ≥ 1",
                    Map.of(LimitSettings.OPEN_ACCESS_MUTATION_RATE_LIMIT, "-5")),
            new Guard(LimitSettings.CALLER_MAX_CONCURRENT_CALLS, "is not a whole number 1–256",
                    Map.of(LimitSettings.CALLER_MAX_CONCURRENT_CALLS, "0")),
            new Guard(SecuritySettings.UNTRUSTED_CONTENT_WRAPPING, "is not true/false (`off` works)",
                    Map.of(SecuritySettings.UNTRUSTED_CONTENT_WRAPPING, "sometimes")),
            new Guard(AuditSettings.HMAC_KEY, "is missing on the HTTP transport (unless `REQUIRE_AUDIT_HMAC_KEY=false`), "
                    + "is shorter than 32 characters or has spaces, or is set without `AUDIT_HMAC_KEY_ID`",
                    Map.of(ServerSettings.TRANSPORT, "http", AuthSettings.AUTH_TOKEN, "admin-" + TOKEN)),
            new Guard(AuditSettings.HMAC_KEY_ID, "is missing while `AUDIT_HMAC_KEY` is set, or is not 1–64 of "
                    + "`A-Z a-z 0-9 . _ -`", Map.of(AuditSettings.HMAC_KEY, AUDIT_KEY)),
            new Guard(AuditSettings.REQUIRE_HMAC_KEY, "is not true/false",
                    Map.of(ServerSettings.TRANSPORT, "http", AuthSettings.AUTH_TOKEN, "admin-" + TOKEN,
                            AuditSettings.REQUIRE_HMAC_KEY, "no way")),
            new Guard(AuditSettings.SIGNING_KEY, "is not the base64 of a 32-byte Ed25519 seed",
                    Map.of(AuditSettings.SIGNING_KEY, "not-a-key")),
            new Guard(AuditSettings.LOG_FILE, "is a directory, not writable, in a missing directory, or ends in "
                    + "a line that is not an audit record", Map.of(AuditSettings.LOG_FILE, "/nonexistent/audit.jsonl")),
            new Guard(AuditSettings.CHECKPOINT_FILE, "is set without `AUDIT_LOG_FILE`, or is not writable",
                    Map.of(AuditSettings.CHECKPOINT_FILE, "/tmp/audit.checkpoints")),
            new Guard(AuditSettings.CHECKPOINT_EVERY, "is not a whole number 1–1000000",
                    Map.of(AuditSettings.CHECKPOINT_EVERY, "0")),
            new Guard(AuditSettings.CHECKPOINT_INTERVAL, "is not a whole number of seconds 1–86400",
                    Map.of(AuditSettings.CHECKPOINT_INTERVAL, "1h")),
            new Guard(AuditSettings.FSYNC, "is not `always`, `mutations` or `never`",
                    Map.of(AuditSettings.FSYNC, "sometimes")));

    private StartupGuards() {
    }

    /** Runs every guard; the first failure is a {@link dev.dojomcp.config.ConfigException} naming its variable. */
    public static Checked check(Environment env, Transport transportFlag, String hostFlag, Integer portFlag,
            String toolsetsFlag, Boolean readOnlyFlag) {
        ServerSettings server = ServerSettings.from(env, transportFlag, hostFlag, portFlag);
        ToolSelection selection = ToolSelection.from(env, toolsetsFlag, readOnlyFlag);
        DojoConnection connection = DojoConnection.from(env);
        WriteSettings writes = WriteSettings.from(env);
        SecuritySettings security = SecuritySettings.from(env, server.transport(), server.host());
        AuditSettings audit = AuditSettings.from(env, server.transport());
        return new Checked(server, selection, connection, writes, security, audit);
    }

    /** The README table. */
    public static String markdown() {
        return "| variable | refuses start-up when it |\n|---|---|\n" + GUARDS.stream()
                .map(g -> "| `" + g.variable() + "` | " + g.refusesWhen() + " |")
                .collect(Collectors.joining("\n")) + "\n";
    }

    public static final String BEGIN = "<!-- BEGIN GENERATED STARTUP GUARDS (bin/dojo-mcp tools --update-readme README.md) -->";
    public static final String END = "<!-- END GENERATED STARTUP GUARDS -->";
}
