package dev.dojomcp.audit.verify;

import dev.dojomcp.audit.Ed25519;
import dev.dojomcp.audit.HmacKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Verifies an audit trail as {@code docs/audit-format.md} specifies: the log files read as one chain
 * (checks 1-7, record by record, in the order the spec gives them), then the anchor files against the log
 * (check 8). Stops at the first failure. Files are streamed; only the log lines at anchor {@code seq}s are
 * kept.
 */
public final class AuditVerifier {
    private static final String ZERO = "0".repeat(64);
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{86}==");

    private final Map<String, HmacKey> keys;
    private final Ed25519.Verifier publicKey;
    private final boolean allowPartial;

    /**
     * @param keys HMAC keys by key id (may be empty: record HMACs are then not checked)
     * @param publicKey the checkpoint signing key, or {@code null} (signatures are then not checked)
     * @param allowPartial accept a log that does not start at the genesis record
     */
    public AuditVerifier(Map<String, HmacKey> keys, Ed25519.Verifier publicKey, boolean allowPartial) {
        this.keys = Map.copyOf(keys);
        this.publicKey = publicKey;
        this.allowPartial = allowPartial;
    }

    /** Log and anchor files in any order. Throws when a file cannot be read or no file holds a record. */
    public VerifyResult verify(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to verify");
        }
        AuditInputs inputs = AuditInputs.of(files);
        Anchors anchors = Anchors.read(inputs.anchors());
        Chain chain = new Chain(anchors);
        Failure failure;
        try (LogCursor cursor = new LogCursor(inputs.logs())) {
            failure = chain.run(cursor);
        }
        if (failure == null) {
            if (chain.records == 0 && anchors.isEmpty()) {
                throw new IOException("no audit records in the given files");
            }
            failure = anchors.check(chain.copies, chain.firstSeq, chain.lastSeq());
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
        long unsigned = chain.records == 0 ? 0 : chain.lastSeq() - chain.lastCheckpointSeq;
        if (unsigned > 0 && chain.lastCheckpointSeq > 0) {
            notes.add(unsigned + " records after the last checkpoint (seq " + (chain.lastCheckpointSeq + 1) + "-"
                    + chain.lastSeq() + ") are chained but not yet signed");
        } else if (unsigned > 0) {
            notes.add(unsigned + " records (seq " + chain.firstSeq + "-" + chain.lastSeq()
                    + ") are chained but not signed: the log has no checkpoint");
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
                Failure failure = check(cursor, record);
                if (failure != null) {
                    return failure;
                }
                accept(cursor, record);
            }
            return null;
        }

        private Failure check(LogCursor cursor, AuditRecord record) throws IOException {
            if (last == null && !allowPartial) {
                if (record.seq() != 1) {
                    return gap(cursor, record, 1);
                }
                if (!record.isChainStart("genesis")) {
                    return fail(cursor, record, Reason.MODIFIED,
                            "the first record is not a chain_start with status genesis");
                }
                if (!ZERO.equals(record.prev())) {
                    return fail(cursor, record, Reason.MODIFIED, "prev of the first record is not 64 zeros");
                }
            }
            boolean verified = false;
            if (!keys.isEmpty()) {
                HmacKey key = keys.get(record.keyId());
                if (key == null || !macMatches(key, record)) {
                    if (nextVerifiesWithSeq(cursor, record.seq())) {
                        return fail(cursor, record, Reason.INSERTED,
                                "does not verify, and the next line has the same seq and verifies");
                    }
                    return key == null
                            ? fail(cursor, record, Reason.UNKNOWN_KEY_ID, "no key given for key id " + record.keyId())
                            : fail(cursor, record, Reason.MODIFIED, "the hmac does not match the record");
                }
                verified = true;
            }
            if (last != null) {
                long expected = last.seq() + 1;
                if (record.seq() > expected) {
                    return gap(cursor, record, expected);
                }
                if (record.seq() < expected) {
                    return fail(cursor, record, Reason.INSERTED, "seq " + record.seq() + " after seq " + last.seq());
                }
                if (!record.prev().equals(last.hmac())) {
                    return fail(cursor, record, verified ? Reason.DELETED : Reason.MODIFIED,
                            "prev is not the hmac of seq " + last.seq()
                                    + (verified ? ": the record verifies, so a record before it was removed"
                                            : ": a record was removed or changed"));
                }
                if (!record.keyId().equals(last.keyId()) && !(record.isChainStart("new_key")
                        && last.keyId().equals(record.text("prior_key_id")))) {
                    return fail(cursor, record, Reason.KEY_ID_REPLACED, "key id " + record.keyId()
                            + " follows key id " + last.keyId() + " without a chain_start new_key");
                }
            }
            if (record.isCheckpoint()) {
                String problem = checkpointProblem(record);
                if (problem != null) {
                    return fail(cursor, record, Reason.BAD_SIGNATURE, problem);
                }
            }
            return null;
        }

        /** {@code seq} is larger than expected: reordered when a missing record comes later, else deleted. */
        private Failure gap(LogCursor cursor, AuditRecord record, long expected) throws IOException {
            long seq = record.seq();
            if (cursor.anyLater(record.line(), s -> s >= expected && s < seq)) {
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
            if (!checked.ok() || checked.record().seq() != seq) {
                return false;
            }
            HmacKey key = keys.get(checked.record().keyId());
            return key != null && macMatches(key, checked.record());
        }

        private String checkpointProblem(AuditRecord record) {
            if (!Long.valueOf(record.seq() - 1).equals(LineFormat.seq(record.fields().get("head_seq")))) {
                return "head_seq is not seq - 1";
            }
            if (!record.prev().equals(record.text("head_hmac"))) {
                return "head_hmac is not prev";
            }
            if (publicKey == null) {
                return null;
            }
            if (!publicKey.fingerprint().equals(record.text("sign_key"))) {
                return "sign_key is not the fingerprint of the given public key (" + publicKey.fingerprint() + ")";
            }
            String sig = record.text("sig");
            if (sig == null || !SIGNATURE.matcher(sig).matches()) {
                return "sig is not the base64 of a 64-byte signature";
            }
            if (!publicKey.verify(Jcs.of(without(record.fields(), "hmac", "sig")), sig)) {
                return "the signature does not verify";
            }
            return null;
        }

        private void accept(LogCursor cursor, AuditRecord record) {
            if (last == null) {
                firstSeq = record.seq();
            }
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

    private static boolean macMatches(HmacKey key, AuditRecord record) {
        return key.mac(Jcs.of(without(record.fields(), "hmac"))).equals(record.hmac());
    }

    private static Map<String, Object> without(Map<String, Object> fields, String... names) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(fields);
        for (String name : names) {
            copy.remove(name);
        }
        return copy;
    }
}
