package dev.dojomcp.cli;

import dev.dojomcp.Main;
import dev.dojomcp.audit.Ed25519;
import dev.dojomcp.audit.HmacKey;
import dev.dojomcp.audit.verify.AuditVerifier;
import dev.dojomcp.audit.verify.KeyFile;
import dev.dojomcp.audit.verify.VerifyResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit verify FILE... [--key-file K]... [--pubkey P] [--allow-partial]}: exit 0 valid, 1 invalid, 2 unusable. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = {
        "Verify audit log files and checkpoint (anchor) files.",
        "Log files are audit.jsonl and its rotated copies, in any order. Exit status: 0 valid, 1 invalid (the"
                + " first failure is printed), 2 unusable arguments."})
public final class AuditVerifyCommand implements Callable<Integer> {
    private static final String PREFIX = "dojo-mcp audit verify: ";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files and checkpoint (anchor) files")
    List<Path> files = new ArrayList<>();

    @Option(names = "--key-file", paramLabel = "K",
            description = "HMAC keys, one <key_id>=<key> a line (repeatable)")
    List<Path> keyFiles = new ArrayList<>();

    @Option(names = "--pubkey", paramLabel = "P",
            description = "Ed25519 public key: a file holding its base64, or the base64 itself")
    String pubkey;

    @Option(names = "--allow-partial", description = "Accept a log that does not begin with the first record")
    boolean allowPartial;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (keyFiles.isEmpty() && pubkey == null) {
            err.println(PREFIX + "give --key-file and/or --pubkey: without either nothing can be verified");
            return Main.CONFIG_ERROR;
        }
        Map<String, HmacKey> keys = new HashMap<>();
        try {
            for (Path keyFile : keyFiles) {
                KeyFile.read(keyFile, keys);
            }
        } catch (KeyFile.KeyFileException e) {
            err.println(PREFIX + "--key-file " + e.getMessage());
            return Main.CONFIG_ERROR;
        }
        Ed25519.Verifier verifier = null;
        if (pubkey != null) {
            verifier = publicKey(pubkey);
            if (verifier == null) {
                err.println(PREFIX + "--pubkey is neither a file holding an Ed25519 public key nor the base64 of one"
                        + " (32 bytes; bin/dojo-mcp audit pubkey)");
                return Main.CONFIG_ERROR;
            }
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.println(PREFIX + file + ": not a readable file");
                return Main.CONFIG_ERROR;
            }
        }
        VerifyResult result;
        try {
            result = new AuditVerifier(keys, verifier, allowPartial).verify(files);
        } catch (IOException e) {
            err.println(PREFIX + e.getMessage());
            return Main.CONFIG_ERROR;
        }
        if (!result.valid()) {
            out.println(result.failure().describe());
            out.flush();
            return 1;
        }
        out.println(result.summary());
        result.notes().forEach(note -> out.println("note: " + note));
        out.flush();
        return 0;
    }

    /** The key in the file {@code value} names, else {@code value} as base64; {@code null} when neither works. */
    static Ed25519.Verifier publicKey(String value) {
        String text = value;
        try {
            Path file = Path.of(value);
            if (Files.isRegularFile(file)) {
                text = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .findFirst().orElse("");
            }
        } catch (InvalidPathException | IOException e) {
            return null;
        }
        try {
            return Ed25519.verifier(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
