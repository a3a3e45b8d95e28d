package dev.dojomcp.cli;

import dev.dojomcp.Version;
import dev.dojomcp.audit.AuditLog;
import dev.dojomcp.audit.AuditSettings;
import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.Transport;
import dev.dojomcp.security.RoleBinding;
import dev.dojomcp.server.ServerRuntime;
import dev.dojomcp.tools.Toolset;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Opens the audit trail for {@code serve}/{@code demo} and writes the start record: what runs, without secrets. */
final class AuditedStart {
    private AuditedStart() {
    }

    static AuditLog open(AuditSettings settings, Clock clock) {
        try {
            return AuditLog.open(settings, clock);
        } catch (IOException e) {
            throw new ConfigException(AuditSettings.LOG_FILE,
                    "cannot be opened: " + e.getMessage());
        }
    }

    static void recordStart(AuditLog audit, StartupGuards.Checked checked, ServerRuntime runtime) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "start");
        fields.put("version", Version.current());
        fields.put("transport", checked.server().transport().name().toLowerCase(java.util.Locale.ROOT));
        fields.put("config", summary(checked, runtime));
        audit.recordDurably("lifecycle", fields);
        List<String> warnings = new ArrayList<>(checked.security().auth().warnings());
        warnings.addAll(checked.audit().warnings());
        runtime.auditWarnings(warnings);
    }

    /** Stop record and final checkpoint on SIGTERM as well as on a normal return. */
    static void closeOnShutdown(AuditLog audit, ServerRuntime runtime) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> audit.close("signal", runtime.callTotals()),
                "audit-stop"));
    }

    private static Map<String, Object> summary(StartupGuards.Checked checked, ServerRuntime runtime) {
        Map<String, Object> config = new TreeMap<>();
        if (checked.server().transport() == Transport.HTTP) {
            config.put("http_bind", checked.server().host() + ":" + checked.server().port());
        }
        var dojo = checked.connection().baseUrl();
        config.put("defectdojo", dojo.getScheme() + "://" + dojo.getHost() + (dojo.getPort() > 0 ? ":" + dojo.getPort() : ""));
        config.put("defectdojo_custom_ca", checked.connection().caFile().isPresent());
        config.put("separate_write_key", checked.connection().writeKey().isPresent()
                && checked.connection().writeKey().get() != checked.connection().readKey());
        config.put("toolsets", checked.selection().toolsets().stream().map(Toolset::id).sorted().toList());
        config.put("read_only", runtime.catalog().all().stream().allMatch(t -> t.readOnly()));
        config.put("tools", runtime.catalog().all().size());
        var auth = checked.security().auth();
        config.put("auth_mode", auth.mode().name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> bindings = new TreeMap<>();
        for (RoleBinding b : auth.bindings()) {
            bindings.put(b.callerId(), b.role().id());
        }
        config.put("role_bindings", bindings);
        config.put("require_auth", auth.requireAuth());
        var limits = checked.security().limits();
        config.put("mutation_rate_limit", limits.mutationLimit() + "/" + limits.mutationWindow().toSeconds() + "s");
        config.put("open_access_mutation_rate_limit", limits.openAccessMutationLimit());
        config.put("caller_max_concurrent_calls", limits.callerConcurrency());
        config.put("untrusted_content_wrapping", checked.security().wrapUntrusted());
        config.put("import_dir_set", checked.writes().importDir().isPresent());
        AuditSettings audit = checked.audit();
        Map<String, Object> trail = new TreeMap<>();
        trail.put("file", audit.file() == null ? "stderr" : audit.file().toString());
        if (audit.anchorFile() != null && audit.signer() != null) {
            trail.put("checkpoint_file", audit.anchorFile().toString());
        }
        trail.put("key_id", audit.key().id());
        trail.put("ephemeral_key", audit.key().isEphemeral());
        trail.put("signing_key", audit.signer() == null ? null : audit.signer().fingerprint());
        trail.put("checkpoint_every", audit.checkpointEvery());
        trail.put("checkpoint_interval_s", audit.checkpointInterval().toSeconds());
        trail.put("fsync", audit.fsync().name().toLowerCase(java.util.Locale.ROOT));
        config.put("audit", trail);
        return config;
    }
}
