package dev.dojomcp.cli;

import dev.dojomcp.Main;
import dev.dojomcp.audit.AuditSettings;
import dev.dojomcp.audit.Ed25519;
import dev.dojomcp.config.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit pubkey}: the public half of {@code AUDIT_SIGNING_KEY}, for auditors; never the seed. */
@Command(name = "pubkey", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = {
        "Print the public key of AUDIT_SIGNING_KEY, for auditors.",
        "The key (base64) goes to stdout, its fingerprint (the checkpoints' sign_key) to stderr. The seed comes"
                + " from the environment, .env, or --signing-key-file; it is never printed."})
public final class AuditPubkeyCommand implements Callable<Integer> {
    private static final String PREFIX = "dojo-mcp audit pubkey: ";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--signing-key-file", paramLabel = "F",
            description = "Read the seed from this file (its AUDIT_SIGNING_KEY= line, or its first line)")
    Path signingKeyFile;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> seed;
        if (signingKeyFile != null) {
            try {
                seed = seedFromFile(Files.readAllLines(signingKeyFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println(PREFIX + signingKeyFile + ": cannot be read (" + e.getClass().getSimpleName() + ")");
                return Main.CONFIG_ERROR;
            }
        } else {
            seed = Environment.load(Path.of("").toAbsolutePath()).get(AuditSettings.SIGNING_KEY);
        }
        if (seed.isEmpty()) {
            err.println(PREFIX + (signingKeyFile != null ? signingKeyFile + " holds no seed"
                    : AuditSettings.SIGNING_KEY + " is not set (or give --signing-key-file)"));
            return Main.CONFIG_ERROR;
        }
        Ed25519.Signer signer;
        try {
            signer = Ed25519.signer(seed.get());
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + "the signing key is not the base64 of a 32-byte Ed25519 seed");
            return Main.CONFIG_ERROR;
        }
        // stdout carries the key alone, so `audit pubkey > audit.pub` makes a file both verifiers read
        PrintWriter out = spec.commandLine().getOut();
        out.println(signer.publicKeyBase64());
        out.flush();
        err.println("sign_key (fingerprint): " + signer.fingerprint());
        err.flush();
        return 0;
    }

    static Optional<String> seedFromFile(List<String> lines) {
        String prefix = AuditSettings.SIGNING_KEY + "=";
        Optional<String> named = lines.stream().map(String::strip).filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip()).findFirst();
        if (named.isPresent()) {
            return named.filter(value -> !value.isEmpty());
        }
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst();
    }
}
