package dev.dojomcp.audit.verify;

import java.util.List;

/** Valid (no failure) or the first failure, with what was counted and what could not be checked. */
public record VerifyResult(Failure failure, Counts counts, List<String> notes) {
    public VerifyResult {
        notes = List.copyOf(notes);
    }

    /**
     * @param records log records read and checked (checkpoints included)
     * @param checkpoints checkpoints in the log
     * @param keySegments runs of records under one HMAC key id
     * @param files files given (log and anchor files)
     * @param anchors anchor checkpoints compared with the log
     */
    public record Counts(long records, long checkpoints, int keySegments, int files, long anchors) {
    }

    public boolean valid() {
        return failure == null;
    }

    /** {@code N records valid, M checkpoints valid}. */
    public String summary() {
        return counts.records() + " records valid, " + counts.checkpoints() + " checkpoints valid";
    }
}
