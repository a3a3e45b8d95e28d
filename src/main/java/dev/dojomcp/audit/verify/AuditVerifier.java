package dev.dojomcp.audit.verify;

import dev.dojomcp.audit.Ed25519;
import dev.dojomcp.audit.HmacKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies an audit trail as {@code docs/audit-format.md} specifies, in the spec's order: check 1 on every
 * line of every file (in the order given); checks 2-7 record by record along the log files read as one
 * chain; check 8, the anchor files against the log. Stops at the first failure. Files are streamed; only
 * the log lines at anchor {@code seq}s are kept. Where the spec leaves a choice open, it decides as
 * {@code tools/audit_verify.py} does, so both name the same first failure.
 */
public final class AuditVerifier {
    private static final String ZERO = "0".repeat(64);
    /** A prev that differs from the previous hmac in at most this many characters was edited; else it names another record. */
    private static final int EDIT_DISTANCE = 8;

    private final Map<String, HmacKey> keys;
    private final Ed25519.Verifier publicKey;
    private final boolean allowPartial;
    private final RecordChecks checks;

    /**
     * @param keys HMAC keys by key id (may be empty: record HMACs are then not checked)
     * @param publicKey the checkpoint signing key, or {@code null} (signatures are then not checked)
     * @param allowPartial accept a log that does not start at the genesis record
     */
    public AuditVerifier(Map<String, HmacKey> keys, Ed25519.Verifier publicKey, boolean allowPartial) {
        this.keys = Map.copyOf(keys);
        this.publicKey = publicKey;
        this.allowPartial = allowPartial;
        this.checks = new RecordChecks(this.keys, publicKey);
    }

    /** Log and anchor files in any order. Throws only when a file cannot be read. */
    public VerifyResult verify(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to verify");
        }
        AuditInputs inputs = AuditInputs.read(files);
        if (inputs.failure() != null) {
            return new VerifyResult(inputs.failure(), new VerifyResult.Counts(0, 0, 0, files.size(), 0), List.of());
        }
        Anchors anchors = Anchors.read(inputs.anchors());
        Chain chain = new Chain(anchors);
        Failure failure;
        try (LogCursor cursor = new LogCursor(inputs.logs())) {
            failure = chain.run(cursor);
        }
        if (failure == null) {
            failure = anchors.check(checks, chain.copies, chain.firstSeq, chain.lastSeq());
        }
        VerifyResult.Counts counts = new VerifyResult.Counts(chain.records, chain.checkpoints, chain.keySegments,
                files.size(), anchors.compared());
        return new VerifyResult(failure, counts, failure == null ? notes(chain, anchors) : List.of());
    }

    private List<String> notes(Chain chain, Anchors anchors) {
        List<String> notes = new ArrayList<>();
        if (keys.isEmpty()) {
            notes.add("no HMAC key given: record HMACs (the records' content) were not checked");
        }
        if (publicKey == null) {
            notes.add("no public key given: checkpoint signatures were not checked");
        }
        if (chain.records == 0) {
            notes.add("no log records given");
        }
        if (anchors.isEmpty()) {
            notes.add("no checkpoint file given: a log cut after its last checkpoint would not show");
        }
        if (chain.firstSeq > 1) {
            notes.add("partial verification: the chain was checked from seq " + chain.firstSeq
                    + "; the records before it were not given");
        }
        if (anchors.skipped() > 0) {
            notes.add(anchors.skipped() + " checkpoints of the checkpoint file precede seq " + chain.firstSeq
                    + " and were not compared");
        }
        long unsigned = chain.records == 0 ? 0 : chain.lastSeq() - Math.max(chain.lastCheckpointSeq, chain.firstSeq - 1);
        if (unsigned > 0) {
            long from = chain.lastSeq() - unsigned + 1;
            String span = "(seq " + (unsigned == 1 ? from : from + "-" + chain.lastSeq()) + ")";
            String records = unsigned == 1 ? "1 record " : unsigned + " records ";
            String are = unsigned == 1 ? " is" : " are";
            notes.add(chain.lastCheckpointSeq > 0
                    ? records + "after the last checkpoint " + span + are + " chained but not yet signed"
                    : records + span + are + " chained but not signed: the log has no checkpoint");
        }
        return notes;
    }

    /** The state of the log pass: the previous record and what was counted. */
    private final class Chain {
        private final Anchors anchors;
        private final Map<Long, Anchors.LogCopy> copies = new HashMap<>();
        private AuditRecord last;
        private long firstSeq;
        private long records;
        private long checkpoints;
        private long lastCheckpointSeq;
        private int keySegments;

        Chain(Anchors anchors) {
            this.anchors = anchors;
        }

        long lastSeq() {
            return last == null ? 0 : last.seq();
        }

        Failure run(LogCursor cursor) throws IOException {
            for (Line line = cursor.next(); line != null; line = cursor.next()) {
                LineFormat.Checked checked = LineFormat.check(line);
                if (!checked.ok()) {
                    return new Failure(cursor.file(line), line.number(), checked.seq(), checked.reason(),
                            checked.detail());
                }
                AuditRecord record = checked.record();
                if (last == null) {
                    firstSeq = record.seq();
                }
                Failure failure = check(cursor, record);
                if (failure != null) {
                    return failure;
                }
                accept(cursor, record);
            }
            return null;
        }

        private Failure check(LogCursor cursor, AuditRecord record) throws IOException {
            if (last == null) {
                Failure failure = checkFirst(cursor, record);
                if (failure != null) {
                    return failure;
                }
            }
            if (checks.checksHmac()) {
                Reason problem = checks.hmacProblem(record);
                if (problem != null) {
                    if (nextVerifiesWithSeq(cursor, record.seq())) {
                        return fail(cursor, record, Reason.INSERTED,
                                "does not verify, and the next line has the same seq and verifies");
                    }
                    return fail(cursor, record, problem, checks.hmacDetail(record, problem));
                }
            }
            if (last != null) {
                long expected = last.seq() + 1;
                if (record.seq() > expected) {
                    return gap(cursor, record, expected);
                }
                if (record.seq() < expected) {
                    return record.seq() < firstSeq
                            ? fail(cursor, record, Reason.REORDERED, "seq " + record.seq() + " belongs before seq " + firstSeq)
                            : fail(cursor, record, Reason.INSERTED, "seq " + record.seq() + " after seq " + last.seq());
                }
                if (!record.prev().equals(last.hmac())) {
                    int differing = differing(record.prev(), last.hmac());
                    return differing <= EDIT_DISTANCE
                            ? fail(cursor, record, Reason.MODIFIED, "prev is not the hmac of seq " + last.seq()
                                    + " (" + differing + " characters differ)")
                            : fail(cursor, record, Reason.DELETED, "prev names a record other than seq " + last.seq());
                }
                if (!record.keyId().equals(last.keyId()) && !(record.isChainStart("new_key")
                        && last.keyId().equals(record.text("prior_key_id")))) {
                    return fail(cursor, record, Reason.KEY_ID_REPLACED, "key id " + record.keyId()
                            + " follows key id " + last.keyId() + " without a chain_start new_key");
                }
            }
            if (record.isCheckpoint()) {
                String problem = checks.checkpointProblem(record);
                if (problem != null) {
                    return fail(cursor, record, Reason.BAD_SIGNATURE, problem);
                }
            }
            return null;
        }

        /** Check 2: the chain starts at the genesis record, unless partial verification was asked for. */
        private Failure checkFirst(LogCursor cursor, AuditRecord record) throws IOException {
            if (record.seq() != 1) {
                return allowPartial ? null : gap(cursor, record, 1);
            }
            if (!record.isChainStart("genesis")) {
                return fail(cursor, record, Reason.MODIFIED, "seq 1 is not a chain_start with status genesis");
            }
            if (!ZERO.equals(record.prev())) {
                return fail(cursor, record, Reason.MODIFIED, "prev of seq 1 is not 64 zeros");
            }
            return null;
        }

        /** {@code seq} is larger than expected: reordered when every missing record comes later, else deleted. */
        private Failure gap(LogCursor cursor, AuditRecord record, long expected) throws IOException {
            long seq = record.seq();
            if (cursor.allLater(record.line(), expected, seq - 1)) {
                return fail(cursor, record, Reason.REORDERED,
                        "seq " + seq + " where seq " + expected + " was expected; the missing records come later");
            }
            return fail(cursor, record, Reason.DELETED, expected == seq - 1
                    ? "seq " + expected + " is missing"
                    : "seq " + expected + "-" + (seq - 1) + " are missing");
        }

        private boolean nextVerifiesWithSeq(LogCursor cursor, long seq) throws IOException {
            Line next = cursor.peek();
            if (next == null) {
                return false;
            }
            LineFormat.Checked checked = LineFormat.check(next);
            return checked.ok() && checked.record().seq() == seq && checks.hmacProblem(checked.record()) == null;
        }

        private void accept(LogCursor cursor, AuditRecord record) {
            if (last == null || !last.keyId().equals(record.keyId())) {
                keySegments++;
            }
            records++;
            if (record.isCheckpoint()) {
                checkpoints++;
                lastCheckpointSeq = record.seq();
            }
            if (anchors.wants(record.seq())) {
                Line line = record.line();
                copies.put(record.seq(), new Anchors.LogCopy(cursor.file(line), line.number(), line.bytes()));
            }
            last = record;
        }

        private Failure fail(LogCursor cursor, AuditRecord record, Reason reason, String detail) {
            return new Failure(cursor.file(record.line()), record.line().number(), record.seq(), reason, detail);
        }
    }

    private static int differing(String a, String b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                n++;
            }
        }
        return n;
    }
}
