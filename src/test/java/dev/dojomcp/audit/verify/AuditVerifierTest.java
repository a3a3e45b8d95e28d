package dev.dojomcp.audit.verify;

import static dev.dojomcp.audit.verify.AuditTrails.BOTH_KEYS;
import static dev.dojomcp.audit.verify.AuditTrails.KEY_ONE;
import static dev.dojomcp.audit.verify.AuditTrails.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.audit.HmacKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A real trail (restart, logrotate, key rotation, anchor file) verifies; every kind of tampering is named. */
class AuditVerifierTest {
    @TempDir
    static Path dir;
    static AuditTrails.Trail trail;

    @BeforeAll
    static void writeTrail() throws IOException {
        trail = AuditTrails.standard(dir.resolve("original"));
    }

    static VerifyResult verify(List<Path> files, Map<String, HmacKey> keys) throws IOException {
        return new AuditVerifier(keys, VERIFIER, false).verify(files);
    }

    @Test
    void standardTrail_isValid_andCounted() throws IOException {
        VerifyResult result = verify(trail.files(), BOTH_KEYS);

        assertThat(result.failure()).isNull();
        long records = AuditTrails.lines(trail.rotated()).size() + AuditTrails.lines(trail.current()).size();
        assertThat(result.counts()).isEqualTo(new VerifyResult.Counts(records, 8, 2, 3, 8));
        assertThat(records).isEqualTo(44);
        assertThat(result.summary()).isEqualTo("44 records valid, 8 checkpoints valid");
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void filesGivenInAnyOrder_areValid() throws IOException {
        List<Path> files = new ArrayList<>(trail.files());
        Random random = new Random(7);
        for (int i = 0; i < 6; i++) {
            Collections.shuffle(files, random);
            assertThat(verify(files, BOTH_KEYS).failure()).as(files.toString()).isNull();
        }
    }

    @Test
    void withoutKeyOrPublicKey_notesWhatWasNotChecked() throws IOException {
        VerifyResult noKey = new AuditVerifier(Map.of(), VERIFIER, false).verify(trail.files());
        assertThat(noKey.valid()).isTrue();
        assertThat(noKey.notes()).containsExactly("no HMAC key given: record HMACs (the records' content) were not checked");

        VerifyResult noPublicKey = new AuditVerifier(BOTH_KEYS, null, false).verify(List.of(trail.rotated(), trail.current()));
        assertThat(noPublicKey.valid()).isTrue();
        assertThat(noPublicKey.notes()).containsExactly(
                "no public key given: checkpoint signatures were not checked",
                "no checkpoint file given: a log cut after its last checkpoint would not show");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.dojomcp.audit.verify.Tampers#all")
    void tampering_isReported_withReasonAndLine(Tampers.Case tamper) throws IOException {
        AuditTrails.Trail copy = trail.copyTo(dir.resolve("case-" + Math.abs(tamper.name().hashCode())));
        Tampers.Expected expected = tamper.edit().apply(copy);

        VerifyResult result = verify(expected.filesOf(copy), expected.keys());

        assertThat(result.failure()).as(tamper.name()).isNotNull();
        Failure failure = result.failure();
        assertThat(failure.reason()).as(failure.describe()).isEqualTo(expected.reason());
        assertThat(failure.file()).as(failure.describe()).isEqualTo(expected.file());
        assertThat(failure.line()).as(failure.describe()).isEqualTo(expected.line());
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void tailCutAfterCheckpoint_withoutAnchorFile_passes_butSaysWhatIsUnsigned() throws IOException {
        AuditTrails.Trail copy = trail.copyTo(dir.resolve("cut-no-anchor"));
        AuditTrails.write(copy.current(), AuditTrails.lines(copy.current()).subList(0, 4));

        VerifyResult result = verify(List.of(copy.rotated(), copy.current()), BOTH_KEYS);

        assertThat(result.valid()).isTrue();
        assertThat(result.summary()).isEqualTo("31 records valid, 5 checkpoints valid");
        assertThat(result.notes()).contains("1 record after the last checkpoint (seq 31) is chained but not yet signed");
    }

    @Test
    void insertedDuplicate_withoutHmacKey_isStillInserted() throws IOException {
        AuditTrails.Trail copy = trail.copyTo(dir.resolve("dup-no-key"));
        Tampers.duplicatedLine(copy);

        Failure failure = new AuditVerifier(Map.of(), VERIFIER, false).verify(copy.files()).failure();

        assertThat(failure.reason()).isEqualTo(Reason.INSERTED);
        assertThat(failure.line()).isEqualTo(9);
        assertThat(failure.seq()).isEqualTo(8);
        assertThat(failure.describe()).startsWith("INVALID " + copy.rotated() + ":9 seq 8: inserted (");
    }

    @Test
    void changedPrev_withoutHmacKey_isModified() throws IOException {
        AuditTrails.Trail copy = trail.copyTo(dir.resolve("prev-no-key"));
        String line = AuditTrails.lines(copy.rotated()).get(7);
        String prev = (String) AuditTrails.parse(line).get("prev");
        Tampers.replaceInLine(copy.rotated(), 8, prev, "f" + prev.substring(1));

        Failure failure = new AuditVerifier(Map.of(), VERIFIER, false).verify(copy.files()).failure();

        assertThat(failure.reason()).isEqualTo(Reason.MODIFIED);
        assertThat(failure.line()).isEqualTo(8);
    }

    @Test
    void allowPartial_acceptsALogWithoutItsBeginning() throws IOException {
        VerifyResult result = new AuditVerifier(BOTH_KEYS, VERIFIER, true).verify(List.of(trail.current(), trail.anchor()));

        assertThat(result.valid()).as(String.valueOf(result.failure())).isTrue();
        assertThat(result.counts().records()).isEqualTo(17);
        assertThat(result.counts().anchors()).isEqualTo(4);
        assertThat(result.notes()).contains(
                "partial verification: the chain was checked from seq 28; the records before it were not given",
                "4 checkpoints of the checkpoint file precede seq 28 and were not compared");
    }

    @Test
    void onlyTheRealKey_stopsAtTheFirstRecordOfTheRotatedKey() throws IOException {
        Failure failure = verify(trail.files(), Map.of(KEY_ONE.id(), KEY_ONE)).failure();

        assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_KEY_ID);
        assertThat(failure.seq()).isEqualTo(37);
        assertThat(failure.detail()).isEqualTo("no key given for key id k-two");
    }

    @Test
    void wrongPublicKey_isABadSignatureAtTheFirstCheckpoint() throws IOException {
        var other = dev.dojomcp.audit.Ed25519.verifier(dev.dojomcp.audit.Ed25519.generate()[1]);
        Failure failure = new AuditVerifier(BOTH_KEYS, other, false).verify(trail.files()).failure();

        assertThat(failure.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(failure.seq()).isEqualTo(6);
    }

    @Test
    void noRecords_isValid_andSaysSo() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        VerifyResult result = verify(List.of(empty), BOTH_KEYS);

        assertThat(result.valid()).isTrue();
        assertThat(result.summary()).isEqualTo("0 records valid, 0 checkpoints valid");
        assertThat(result.notes()).contains("no log records given");
    }

    @Test
    void emptyLogWithAnchors_isTruncated() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty-log.jsonl"));
        Failure failure = verify(List.of(empty, trail.anchor()), BOTH_KEYS).failure();

        assertThat(failure.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(failure.line()).isEqualTo(1);
    }
}
