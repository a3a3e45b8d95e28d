package dev.dojomcp.cli;

import dev.dojomcp.audit.AuditSettings;
import dev.dojomcp.audit.Ed25519;
import dev.dojomcp.audit.HmacKey;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/** The demo's audit trail: fresh keys in a private temporary folder that outlives the demo, so it can be verified. */
record DemoAudit(Path dir, AuditSettings settings, Path keyFile, Path publicKeyFile) {
    static DemoAudit create() {
        try {
            Path dir = Files.createTempDirectory("dojo-mcp-demo-audit-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            String keyText = HmacKey.generateText();
            HmacKey key = HmacKey.of("demo", keyText);
            String[] pair = Ed25519.generate();
            Path keyFile = Files.writeString(dir.resolve("audit.keys"), "demo=" + keyText + "\n");
            Path publicKeyFile = Files.writeString(dir.resolve("audit.pub"), pair[1] + "\n");
            Path log = dir.resolve("audit.jsonl");
            AuditSettings settings = new AuditSettings(log, Path.of(log + ".checkpoints"), key, Ed25519.signer(pair[0]),
                    20, Duration.ofSeconds(30), AuditSettings.Fsync.MUTATIONS, List.of());
            return new DemoAudit(dir, settings, keyFile, publicKeyFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void printHow(PrintStream out) {
        out.println("Audit trail (HMAC-chained, signed checkpoints every 20 records): " + settings.file());
        out.println("  verify it (also after the demo stops):");
        out.println("    bin/dojo-mcp audit verify " + settings.file() + " " + settings.anchorFile()
                + " --key-file " + keyFile + " --pubkey " + publicKeyFile);
        out.println("    python3 tools/audit_verify.py " + settings.file() + " " + settings.anchorFile()
                + " --key-file " + keyFile + " --pubkey " + publicKeyFile);
        out.println();
    }
}
