package dev.dojomcp.defectdojo;

import java.util.List;

/**
 * A DefectDojo write that did not succeed. {@link Kind} tells whether anything may have changed:
 * {@code NOT_SENT} and {@code REJECTED} leave DefectDojo as it was, {@code UNKNOWN} may not (a
 * timeout or server error after the request went out). Writes are never retried automatically.
 */
public final class DojoWriteException extends RuntimeException {
    public enum Kind { NOT_SENT, REJECTED, UNKNOWN }

    private final Kind kind;
    private final int status;
    private final List<FieldError> errors;
    private final Integer retryAfterSeconds;

    public DojoWriteException(Kind kind, int status, List<FieldError> errors, Integer retryAfterSeconds,
            String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status from DefectDojo, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
