package dev.dojomcp.audit;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Secret;
import dev.dojomcp.config.Transport;
import dev.dojomcp.security.LogRedaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where audit records go and with which keys. Without {@code AUDIT_LOG_FILE} records go to stderr
 * (still chained); the file is the durable, forwardable trail.
 */
public record AuditSettings(Path file, Path anchorFile, HmacKey key, Ed25519.Signer signer, int checkpointEvery,
        Duration checkpointInterval, Fsync fsync, List<String> warnings) {
    public static final String LOG_FILE = "AUDIT_LOG_FILE";
    public static final String CHECKPOINT_FILE = "AUDIT_CHECKPOINT_FILE";
    public static final String HMAC_KEY = "AUDIT_HMAC_KEY";
    public static final String HMAC_KEY_ID = "AUDIT_HMAC_KEY_ID";
    public static final String REQUIRE_HMAC_KEY = "REQUIRE_AUDIT_HMAC_KEY";
    public static final String SIGNING_KEY = "AUDIT_SIGNING_KEY";
    public static final String CHECKPOINT_EVERY = "AUDIT_CHECKPOINT_EVERY";
    public static final String CHECKPOINT_INTERVAL = "AUDIT_CHECKPOINT_INTERVAL";
    public static final String FSYNC = "AUDIT_LOG_FSYNC";

    /** When the file is forced to disk: every record, the records of mutations (and lifecycle), or never. */
    public enum Fsync {
        ALWAYS, MUTATIONS, NEVER;

        static Fsync parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(FSYNC, "must be always, mutations or never");
            }
        }
    }

    public AuditSettings {
        warnings = List.copyOf(warnings);
    }

    /** Records on stderr with an ephemeral key and no checkpoints: tests and in-process use. */
    public static AuditSettings ephemeral() {
        return new AuditSettings(null, null, HmacKey.ephemeral(), null, 100, Duration.ofSeconds(60), Fsync.NEVER,
                List.of());
    }

    public static AuditSettings from(Environment env, Transport transport) {
        List<String> warnings = new ArrayList<>();
        Path file = env.get(LOG_FILE).map(Path::of).map(Path::toAbsolutePath).orElse(null);
        if (file != null) {
            checkWritable(LOG_FILE, file);
        }
        Path anchor = env.get(CHECKPOINT_FILE).map(Path::of).map(Path::toAbsolutePath)
                .orElse(file == null ? null : Path.of(file + ".checkpoints"));
        if (env.get(CHECKPOINT_FILE).isPresent()) {
            if (file == null) {
                throw new ConfigException(CHECKPOINT_FILE, "needs " + LOG_FILE);
            }
            checkWritable(CHECKPOINT_FILE, anchor);
        }
        HmacKey key = hmacKey(env, transport, warnings);
        Ed25519.Signer signer = env.get(SIGNING_KEY).map(seed -> {
            LogRedaction.register(Secret.of(seed));
            try {
                return Ed25519.signer(seed);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(SIGNING_KEY, "must be the base64 of a 32-byte Ed25519 seed "
                        + "(bin/dojo-mcp audit keygen)");
            }
        }).orElse(null);
        if (signer == null && file != null) {
            warnings.add(SIGNING_KEY + " is not set: no signed checkpoints, so a cut-off tail of the audit log "
                    + "cannot be detected (bin/dojo-mcp audit keygen)");
        }
        int every = env.integer(CHECKPOINT_EVERY, 100, 1, 1_000_000);
        int interval = env.integer(CHECKPOINT_INTERVAL, 60, 1, 86_400);
        Fsync fsync = env.get(FSYNC).map(Fsync::parse).orElse(Fsync.MUTATIONS);
        return new AuditSettings(file, anchor, key, signer, every, Duration.ofSeconds(interval), fsync, warnings);
    }

    private static HmacKey hmacKey(Environment env, Transport transport, List<String> warnings) {
        var text = env.get(HMAC_KEY);
        var id = env.get(HMAC_KEY_ID);
        if (text.isPresent()) {
            LogRedaction.register(Secret.of(text.get()));
            if (id.isEmpty()) {
                throw new ConfigException(HMAC_KEY_ID, "is required with " + HMAC_KEY
                        + " (a name for the key, e.g. audit-2026-11; change it when the key changes)");
            }
            if (!HmacKey.ID.matcher(id.get()).matches()) {
                throw new ConfigException(HMAC_KEY_ID, "must be 1-64 of A-Z a-z 0-9 . _ -");
            }
            try {
                return HmacKey.of(id.get(), text.get());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(HMAC_KEY, "must be at least " + HmacKey.MIN_LENGTH
                        + " printable ASCII characters without spaces (bin/dojo-mcp audit keygen)");
            }
        }
        if (id.isPresent()) {
            throw new ConfigException(HMAC_KEY, "is required with " + HMAC_KEY_ID);
        }
        boolean require = env.bool(REQUIRE_HMAC_KEY, true);
        if (transport != Transport.STDIO && require) {
            throw new ConfigException(HMAC_KEY, "is required on the HTTP transport (with " + HMAC_KEY_ID
                    + "; bin/dojo-mcp audit keygen), or set " + REQUIRE_HMAC_KEY + "=false");
        }
        HmacKey ephemeral = HmacKey.ephemeral();
        warnings.add("audit records are chained with an ephemeral key (" + HMAC_KEY + " not set): nobody can "
                + "verify them after this process exits");
        return ephemeral;
    }

    private static void checkWritable(String variable, Path file) {
        Path parent = file.getParent();
        if (Files.isDirectory(file) || (Files.exists(file) && !Files.isWritable(file))
                || parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent) && !Files.exists(file)) {
            throw new ConfigException(variable, "must be a writable file in an existing directory");
        }
    }

    public boolean toStderr() {
        return file == null;
    }
}
