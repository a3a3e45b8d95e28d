package dev.dojomcp.audit.verify;

import static dev.dojomcp.audit.verify.AuditTrails.KEY_ONE;
import static dev.dojomcp.audit.verify.AuditTrails.KEY_TWO;
import static dev.dojomcp.audit.verify.AuditTrails.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.Main;
import dev.dojomcp.audit.AuditLog;
import dev.dojomcp.audit.AuditSettings;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Transport;
import dev.dojomcp.testing.JavaProcess;
import dev.dojomcp.testing.TestSecrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dojo-mcp audit verify|pubkey|keygen} through picocli: output, exit codes 0/1/2, no key material. */
class AuditCommandTest {
    private static final List<String> SECRETS = List.of(TestSecrets.AUDIT_HMAC_KEY_ONE, TestSecrets.AUDIT_HMAC_KEY_TWO,
            TestSecrets.AUDIT_SIGNING_SEED);

    @TempDir
    static Path dir;
    static AuditTrails.Trail trail;
    static Path keyFile;
    static Path pubkeyFile;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void writeTrail() throws IOException {
        trail = AuditTrails.standard(dir.resolve("trail"));
        keyFile = Files.writeString(dir.resolve("keys.txt"), "# auditor's keys\n\n" + KEY_ONE.id() + "="
                + TestSecrets.AUDIT_HMAC_KEY_ONE + "\n" + KEY_TWO.id() + "=" + TestSecrets.AUDIT_HMAC_KEY_TWO + "\n");
        pubkeyFile = Files.writeString(dir.resolve("audit.pub"), SIGNER.publicKeyBase64() + "\n");
    }

    /** Runs the command in this JVM; outside keygen no output may contain a configured key or seed. */
    static Run run(String... args) {
        Run run = runAllowingSecrets(args);
        for (String secret : SECRETS) {
            assertThat(run.out() + run.err()).as("output of %s", List.of(args)).doesNotContain(secret);
        }
        return run;
    }

    static Run runAllowingSecrets(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String[] verifyArgs(List<Path> files, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "verify"));
        files.forEach(f -> args.add(f.toString()));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    @Test
    void validTrail_exit0_withCounts() {
        Run run = run(verifyArgs(trail.files(), "--key-file", keyFile.toString(), "--pubkey", pubkeyFile.toString()));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("44 records valid, 8 checkpoints valid\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void publicKeyValueOnly_exit0_withNotes() {
        Run run = run(verifyArgs(List.of(trail.current(), trail.rotated()), "--pubkey", SIGNER.publicKeyBase64()));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("44 records valid, 8 checkpoints valid",
                "note: no HMAC key given: record HMACs (the records' content) were not checked",
                "note: no checkpoint file given: a log cut after its last checkpoint would not show");
    }

    @Test
    void tamperedTrail_exit1_firstFailureOnOneLine() throws IOException {
        AuditTrails.Trail copy = trail.copyTo(dir.resolve("deleted"));
        Tampers.deletedLine(copy);

        Run run = run(verifyArgs(copy.files(), "--key-file", keyFile.toString()));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("INVALID " + copy.rotated() + ":8 seq 9: deleted (seq 8 is missing)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void unsignedTail_isNoted() throws IOException {
        AuditTrails.Trail copy = trail.copyTo(dir.resolve("unsigned-tail"));
        AuditTrails.write(copy.current(), AuditTrails.lines(copy.current()).subList(0, 5));

        Run run = run(verifyArgs(List.of(copy.rotated(), copy.current()), "--key-file", keyFile.toString(),
                "--pubkey", pubkeyFile.toString()));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("note: 2 records after the last checkpoint (seq 31-32) are chained but not yet signed");
    }

    @Test
    void neitherKeyFileNorPublicKey_exit2() {
        Run run = run(verifyArgs(trail.files()));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "dojo-mcp audit verify: give --key-file and/or --pubkey: without either nothing can be verified");
    }

    @Test
    void malformedKeyFileLine_exit2_namesFileAndLine_neverTheKey() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad-keys.txt"), "# keys\nk-one=" + TestSecrets.AUDIT_HMAC_KEY_ONE
                + "\n\n" + TestSecrets.AUDIT_HMAC_KEY_TWO + "\n");
        Run noEquals = run(verifyArgs(trail.files(), "--key-file", bad.toString()));
        assertThat(noEquals.exit()).isEqualTo(2);
        assertThat(noEquals.err()).isEqualTo("dojo-mcp audit verify: --key-file " + bad + ":4: not <key_id>=<key>\n");

        Path shortKey = Files.writeString(dir.resolve("short-keys.txt"), "k-one=short-" + "secret-value\n");
        Run tooShort = run(verifyArgs(trail.files(), "--key-file", shortKey.toString()));
        assertThat(tooShort.exit()).isEqualTo(2);
        assertThat(tooShort.err()).startsWith("dojo-mcp audit verify: --key-file " + shortKey + ":1: the key must be")
                .doesNotContain("short-secret");

        Path badId = Files.writeString(dir.resolve("bad-id.txt"), "bad id=" + TestSecrets.AUDIT_HMAC_KEY_ONE + "\n");
        Run wrongId = run(verifyArgs(trail.files(), "--key-file", badId.toString()));
        assertThat(wrongId.exit()).isEqualTo(2);
        assertThat(wrongId.err()).contains(badId + ":1: the key id must be");

        Path twice = Files.writeString(dir.resolve("twice.txt"), "k-one=" + TestSecrets.AUDIT_HMAC_KEY_ONE
                + "\nk-one=" + TestSecrets.AUDIT_HMAC_KEY_TWO + "\n");
        Run conflicting = run(verifyArgs(trail.files(), "--key-file", twice.toString()));
        assertThat(conflicting.exit()).isEqualTo(2);
        assertThat(conflicting.err()).contains(twice + ":2: key id k-one is given twice with different keys");

        Path commentsOnly = Files.writeString(dir.resolve("comments-only.txt"), "# nothing here\n\n");
        Run noKey = run(verifyArgs(trail.files(), "--key-file", commentsOnly.toString()));
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains(commentsOnly + ": holds no key");

        Run missing = run(verifyArgs(trail.files(), "--key-file", dir.resolve("no-such-keys").toString()));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no-such-keys: cannot be read");
    }

    @Test
    void unusableArguments_exit2_oneLineOnStderr() {
        List<Run> runs = List.of(
                run(verifyArgs(List.of(dir.resolve("missing.jsonl")), "--key-file", keyFile.toString())),
                run(verifyArgs(trail.files(), "--pubkey", "not-a-key")),
                run(verifyArgs(trail.files(), "--pubkey", keyFile.toString())),
                run("audit", "verify", "--key-file", keyFile.toString()),
                run(verifyArgs(trail.files(), "--key-file", keyFile.toString(), "--no-such-option")));
        for (Run r : runs) {
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines()).as(r.err()).hasSize(1);
        }
        assertThat(runs.get(0).err()).isEqualTo("dojo-mcp audit verify: " + dir.resolve("missing.jsonl")
                + ": not a readable file\n");
    }

    @Test
    void auditWithoutSubcommand_printsUsage_exit2() {
        Run run = run("audit");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("verify", "pubkey", "keygen");
    }

    @Test
    void pubkey_fromSigningKeyFile_printsPublicKeyAndFingerprint_neverTheSeed() throws IOException {
        Path envFile = Files.writeString(dir.resolve("server.env"), "AUDIT_HMAC_KEY_ID=k-one\n"
                + AuditSettings.SIGNING_KEY + "=" + TestSecrets.AUDIT_SIGNING_SEED + "\n");
        Path bare = Files.writeString(dir.resolve("seed.txt"), TestSecrets.AUDIT_SIGNING_SEED + "\n");
        for (Path file : List.of(envFile, bare)) {
            Run run = run("audit", "pubkey", "--signing-key-file", file.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo(SIGNER.publicKeyBase64() + "\n");
            assertThat(run.err()).isEqualTo("sign_key (fingerprint): " + SIGNER.fingerprint() + "\n");
        }
        Path junk = Files.writeString(dir.resolve("junk-seed.txt"), "AUDIT_SIGNING_KEY=c2hvcnQ=\n");
        Run invalid = run("audit", "pubkey", "--signing-key-file", junk.toString());
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).isEqualTo("dojo-mcp audit pubkey: the signing key is not the base64 of a 32-byte"
                + " Ed25519 seed\n");
    }

    @Test
    void pubkey_fromTheEnvironment_inAChildProcess() throws Exception {
        JavaProcess.Result withKey = JavaProcess.run(Map.of(AuditSettings.SIGNING_KEY, TestSecrets.AUDIT_SIGNING_SEED),
                "audit", "pubkey");
        assertThat(withKey.exitCode()).as(withKey.stderr()).isZero();
        assertThat(withKey.stdout()).isEqualTo(SIGNER.publicKeyBase64() + "\n");
        assertThat(withKey.stdout() + withKey.stderr()).doesNotContain(TestSecrets.AUDIT_SIGNING_SEED);

        JavaProcess.Result without = JavaProcess.run(Map.of(), "audit", "pubkey");
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.stderr()).contains("AUDIT_SIGNING_KEY is not set");
    }

    @Test
    void keygen_printsUsableKeys_thatVerifyALogWrittenWithThem() throws IOException {
        Run keygen = runAllowingSecrets("audit", "keygen");
        assertThat(keygen.exit()).isZero();
        List<String> lines = keygen.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("AUDIT_HMAC_KEY_ID=audit-\\d{8}-[0-9a-f]{4}");
        assertThat(lines.get(1)).matches("AUDIT_HMAC_KEY=[A-Za-z0-9_-]{43}");
        assertThat(lines.get(2)).matches("AUDIT_SIGNING_KEY=[A-Za-z0-9+/]{43}=");
        assertThat(lines.get(3)).startsWith("# for auditors: key file line: ");
        assertThat(lines.get(4)).startsWith("# public key: ");
        assertThat(runAllowingSecrets("audit", "keygen").out()).isNotEqualTo(keygen.out());

        Map<String, String> env = new HashMap<>();
        for (String line : lines.subList(0, 3)) {
            env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        Path log = dir.resolve("keygen/audit.jsonl");
        Files.createDirectories(log.getParent());
        env.put(AuditSettings.LOG_FILE, log.toString());
        env.put(AuditSettings.CHECKPOINT_EVERY, "3");
        AuditSettings settings = AuditSettings.from(Environment.of(env), Transport.STDIO);
        try (AuditLog audit = AuditLog.open(settings, Clock.systemUTC())) {
            AuditTrails.activity(audit, 7, "kg");
        }
        Path keys = Files.writeString(dir.resolve("keygen/keys"), lines.get(3).substring("# for auditors: key file line: ".length()) + "\n");
        String publicKey = lines.get(4).substring("# public key: ".length());

        Run verify = runAllowingSecrets("audit", "verify", log.toString(), log + ".checkpoints", "--key-file",
                keys.toString(), "--pubkey", publicKey);
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).startsWith(AuditTrails.lines(log).size() + " records valid, ");
        assertThat(verify.out()).doesNotContain(env.get(AuditSettings.HMAC_KEY)).doesNotContain(env.get(AuditSettings.SIGNING_KEY));

        Path envFile = Files.writeString(dir.resolve("keygen/server.env"), keygen.out());
        Run pubkey = runAllowingSecrets("audit", "pubkey", "--signing-key-file", envFile.toString());
        assertThat(pubkey.out().lines().findFirst()).contains(publicKey);
    }
}
