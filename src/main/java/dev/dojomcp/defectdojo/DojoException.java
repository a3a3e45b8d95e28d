package dev.dojomcp.defectdojo;

import java.util.OptionalInt;

/**
 * A failed DefectDojo call. {@link #getMessage()} is generic and safe to show a client: it never
 * contains the DefectDojo URL, response body or credentials. Those go to debug logs only.
 */
public final class DojoException extends RuntimeException {
    private final DojoFailure failure;
    private final int status;
    private final Integer retryAfterSeconds;

    public DojoException(DojoFailure failure, int status, Integer retryAfterSeconds) {
        super(describe(failure, status, retryAfterSeconds), null, false, false);
        this.failure = failure;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public DojoException(DojoFailure failure) {
        this(failure, 0, null);
    }

    public DojoFailure failure() {
        return failure;
    }

    /** HTTP status from DefectDojo, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }

    private static String describe(DojoFailure failure, int status, Integer retryAfter) {
        StringBuilder sb = new StringBuilder(failure.message());
        if (status > 0) {
            sb.append(" (HTTP ").append(status).append(')');
        }
        if (retryAfter != null) {
            sb.append("; retry after ").append(retryAfter).append(" s");
        }
        return sb.toString();
    }
}
