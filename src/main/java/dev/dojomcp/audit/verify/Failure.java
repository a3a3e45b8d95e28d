package dev.dojomcp.audit.verify;

import java.nio.file.Path;

/** The first failure found: where (1-based line), the record's {@code seq} when it has one, why. */
public record Failure(Path file, long line, Long seq, Reason reason, String detail) {
    /** {@code INVALID <file>:<line> seq <n>: <reason> (<detail>)}; {@code seq ?} when the line has none. */
    public String describe() {
        return "INVALID " + file + ":" + line + " seq " + (seq == null ? "?" : seq) + ": " + reason.label()
                + " (" + detail + ")";
    }
}
