package dev.dojomcp.audit.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Check 8: each checkpoint of the anchor files, itself verified (HMAC, signature), must be in the log, byte
 * for byte, at its {@code seq}; one beyond the end of the log shows the log was cut.
 */
final class Anchors {
    /** The log line at an anchor's {@code seq}, kept while the log is read. */
    record LogCopy(Path file, long line, byte[] bytes) {
    }

    private final List<Path> files;
    private final Set<Long> seqs;
    private long compared;
    private long skipped;

    private Anchors(List<Path> files, Set<Long> seqs) {
        this.files = files;
        this.seqs = seqs;
    }

    static Anchors read(List<Path> files) throws IOException {
        Set<Long> seqs = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            try (LineReader reader = LineReader.open(files.get(i), i)) {
                for (Line line = reader.next(); line != null; line = reader.next()) {
                    Long seq = LineFormat.seqOf(line);
                    if (seq != null) {
                        seqs.add(seq);
                    }
                }
            }
        }
        return new Anchors(files, seqs);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /** Whether the log line with this {@code seq} must be kept for the comparison. */
    boolean wants(long seq) {
        return seqs.contains(seq);
    }

    long compared() {
        return compared;
    }

    long skipped() {
        return skipped;
    }

    /**
     * Checks every anchor line, in the order the files were given, against a log that was valid from
     * {@code firstSeq} to {@code lastSeq} ({@code lastSeq} 0 when it had no records). A difference is
     * reported at the log line.
     */
    Failure check(RecordChecks checks, Map<Long, LogCopy> log, long firstSeq, long lastSeq) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            try (LineReader reader = LineReader.open(file, i)) {
                for (Line line = reader.next(); line != null; line = reader.next()) {
                    LineFormat.Checked checked = LineFormat.check(line);
                    if (!checked.ok()) {
                        return new Failure(file, line.number(), checked.seq(), checked.reason(), checked.detail());
                    }
                    AuditRecord anchor = checked.record();
                    long seq = anchor.seq();
                    Failure failure = checkAlone(checks, file, anchor);
                    if (failure != null) {
                        return failure;
                    }
                    if (seq > lastSeq) {
                        return new Failure(file, line.number(), seq, Reason.TRUNCATED, lastSeq == 0
                                ? "the log has no records; the checkpoint file has a checkpoint at seq " + seq
                                : "the log ends at seq " + lastSeq + "; the checkpoint file has a checkpoint at seq " + seq);
                    }
                    if (seq < firstSeq) {
                        skipped++;
                        continue;
                    }
                    LogCopy copy = log.get(seq);
                    if (copy == null) {
                        return new Failure(file, line.number(), seq, Reason.MODIFIED, "no log record at this seq");
                    }
                    if (!Arrays.equals(copy.bytes(), line.bytes())) {
                        return new Failure(copy.file(), copy.line(), seq, Reason.MODIFIED,
                                "differs from the anchor checkpoint at " + file + ":" + line.number());
                    }
                    compared++;
                }
            }
        }
        return null;
    }

    private static Failure checkAlone(RecordChecks checks, Path file, AuditRecord anchor) {
        long line = anchor.line().number();
        if (checks.checksHmac()) {
            Reason problem = checks.hmacProblem(anchor);
            if (problem != null) {
                return new Failure(file, line, anchor.seq(), problem, "anchor: " + checks.hmacDetail(anchor, problem));
            }
        }
        String problem = checks.checkpointProblem(anchor);
        return problem == null ? null : new Failure(file, line, anchor.seq(), Reason.BAD_SIGNATURE, "anchor: " + problem);
    }
}
