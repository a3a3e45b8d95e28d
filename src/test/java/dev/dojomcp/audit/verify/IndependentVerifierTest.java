package dev.dojomcp.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dojomcp.audit.HmacKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The independent Python verifier ({@code tools/audit_verify.py}, written from the same spec) and this one
 * agree: same exit status, and on a failure the same file, line and reason. Skipped when the script or
 * python3 is missing.
 */
class IndependentVerifierTest {
    private static final Path SCRIPT = Path.of("tools/audit_verify.py");
    private static final Pattern INVALID = Pattern.compile("INVALID (.+):(\\d+) seq (\\S+): ("
            + Arrays.stream(Reason.values()).map(Reason::label).collect(Collectors.joining("|")) + ")( \\(.*\\))?");
    private static final int RANDOM_CASES = Integer.getInteger("crosscheck.cases", 80);

    @TempDir
    static Path dir;
    static AuditTrails.Trail trail;
    static Path pubkeyFile;

    record PythonRun(int exit, String out, String err) {
    }

    static String missing;

    @BeforeAll
    static void writeTrail() throws IOException {
        if (!Files.isRegularFile(SCRIPT)) {
            missing = "tools/audit_verify.py is not in this tree (it comes with the Python verifier's branch)";
        } else if (!pythonWorks()) {
            missing = "python3 is not installed";
        } else {
            trail = AuditTrails.standard(dir.resolve("trail"));
            pubkeyFile = Files.writeString(dir.resolve("audit.pub"), AuditTrails.SIGNER.publicKeyBase64() + "\n");
        }
    }

    /** Each test is reported as skipped, with the reason, when the other verifier cannot run. */
    @BeforeEach
    void requireScriptAndPython() {
        assumeTrue(missing == null, () -> missing + ": cross-check with the Python verifier skipped");
    }

    private static boolean pythonWorks() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static PythonRun python(List<Path> files, Path keyFile, boolean allowPartial)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        if (allowPartial) {
            command.add("--allow-partial");
        }
        files.forEach(f -> command.add(f.toString()));
        if (keyFile != null) {
            command.addAll(List.of("--key-file", keyFile.toString()));
        }
        command.addAll(List.of("--pubkey", pubkeyFile.toString()));
        Path out = Files.createTempFile(dir, "py-out", ".txt");
        Path err = Files.createTempFile(dir, "py-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("audit_verify.py did not finish within 120 s");
        }
        return new PythonRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static Path keyFile(Path folder, Map<String, HmacKey> keys) throws IOException {
        StringBuilder text = new StringBuilder();
        keys.values().forEach(k -> text.append(k.id()).append('=').append(k.secret().reveal()).append('\n'));
        return Files.writeString(folder.resolve("keys.txt"), text);
    }

    /** Runs both verifiers on the files and asserts they agree; returns the Java result. */
    static VerifyResult assertAgree(List<Path> files, Map<String, HmacKey> keys, String what)
            throws IOException, InterruptedException {
        return assertAgree(files, keys, false, what);
    }

    static VerifyResult assertAgree(List<Path> files, Map<String, HmacKey> keys, boolean allowPartial, String what)
            throws IOException, InterruptedException {
        VerifyResult java = new AuditVerifier(keys, AuditTrails.VERIFIER, allowPartial).verify(files);
        PythonRun python = python(files, keys.isEmpty() ? null : keyFile(dir, keys), allowPartial);
        String context = what + "\njava:   " + (java.valid() ? java.summary() : java.failure().describe())
                + "\npython: " + python.out().strip() + python.err().strip();
        if (java.valid()) {
            assertThat(python.exit()).as(context).isZero();
            assertThat(python.out().lines().findFirst()).as(context).contains(java.summary());
            return java;
        }
        assertThat(python.exit()).as(context).isEqualTo(1);
        Matcher m = INVALID.matcher(python.out().strip());
        assertThat(m.matches()).as(context).isTrue();
        Failure failure = java.failure();
        assertThat(m.group(4)).as(context).isEqualTo(failure.reason().label());
        assertThat(Path.of(m.group(1))).as(context).isEqualTo(failure.file());
        assertThat(Long.parseLong(m.group(2))).as(context).isEqualTo(failure.line());
        return java;
    }

    @Test
    void validTrail_bothAcceptIt_withTheSameCounts() throws Exception {
        assertAgree(trail.files(), AuditTrails.BOTH_KEYS, "the standard trail");
        assertAgree(List.of(trail.anchor(), trail.current(), trail.rotated()), Map.of(), "any order, no HMAC key");
    }

    @Test
    void partialVerification_bothAgree() throws Exception {
        VerifyResult partial = assertAgree(List.of(trail.current(), trail.anchor()), AuditTrails.BOTH_KEYS, true,
                "the current file alone, --allow-partial");
        assertThat(partial.valid()).isTrue();

        AuditTrails.Trail copy = trail.copyTo(dir.resolve("partial-old-record"));
        List<String> lines = AuditTrails.lines(copy.current());
        lines.add(AuditTrails.lines(copy.rotated()).get(4));
        AuditTrails.write(copy.current(), lines);
        VerifyResult old = assertAgree(List.of(copy.current(), copy.anchor()), AuditTrails.BOTH_KEYS, true,
                "seq 5 appended to a log that starts at seq 28, --allow-partial");
        assertThat(old.failure().reason()).isEqualTo(Reason.REORDERED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.dojomcp.audit.verify.Tampers#all")
    void tampering_bothReportTheSameFirstFailure(Tampers.Case tamper) throws Exception {
        AuditTrails.Trail copy = trail.copyTo(dir.resolve("case-" + Math.abs(tamper.name().hashCode())));
        Tampers.Expected expected = tamper.edit().apply(copy);
        VerifyResult java = assertAgree(expected.filesOf(copy), expected.keys(), tamper.name());

        assertThat(java.failure().reason()).isEqualTo(expected.reason());
    }

    @Test
    void randomSingleByteChanges_bothReportTheSameFirstFailure() throws Exception {
        AuditTrails.Trail copy = trail.copyTo(dir.resolve("random"));
        List<Path> files = copy.files();
        Random random = new Random(Long.getLong("crosscheck.seed", 424242L));
        for (int i = 0; i < RANDOM_CASES; i++) {
            Path file = files.get(random.nextInt(files.size()));
            byte[] original = Files.readAllBytes(file);
            byte[] bytes = original.clone();
            int position = random.nextInt(bytes.length);
            int old = bytes[position] & 0xff;
            int value = random.nextInt(255);
            bytes[position] = (byte) (value >= old ? value + 1 : value);
            Files.write(file, bytes);
            Map<String, HmacKey> keys = i % 3 == 2 ? Map.of() : AuditTrails.BOTH_KEYS;

            assertAgree(files, keys, String.format("case %d: %s byte %d 0x%02x -> 0x%02x%s", i, file.getFileName(),
                    position, old, bytes[position] & 0xff, keys.isEmpty() ? " (no HMAC key)" : ""));

            Files.write(file, original);
        }
    }
}
