package dev.dojomcp.cli;

import dev.dojomcp.audit.AuditSettings;
import dev.dojomcp.audit.Ed25519;
import dev.dojomcp.audit.HmacKey;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code audit keygen}: a new HMAC key, its id and an Ed25519 seed as env-file lines, then the auditor's
 * key-file line and public key as comments. Prints secrets on purpose (the operator asked), to stdout only.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = {
        "Print new audit keys (secret output).",
        "AUDIT_HMAC_KEY_ID, AUDIT_HMAC_KEY and AUDIT_SIGNING_KEY lines for the server's env file, then, as"
                + " comments, the auditors' key-file line and public key."})
public final class AuditKeygenCommand implements Callable<Integer> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        byte[] suffix = new byte[2];
        new SecureRandom().nextBytes(suffix);
        String id = "audit-" + DAY.format(Instant.now()) + "-" + HexFormat.of().formatHex(suffix);
        String key = HmacKey.generateText();
        String[] pair = Ed25519.generate();
        PrintWriter out = spec.commandLine().getOut();
        out.println(AuditSettings.HMAC_KEY_ID + "=" + id);
        out.println(AuditSettings.HMAC_KEY + "=" + key);
        out.println(AuditSettings.SIGNING_KEY + "=" + pair[0]);
        out.println("# for auditors: key file line: " + id + "=" + key);
        out.println("# public key: " + pair[1]);
        out.flush();
        return 0;
    }
}
