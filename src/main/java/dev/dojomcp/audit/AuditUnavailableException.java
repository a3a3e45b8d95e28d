package dev.dojomcp.audit;

/** The audit record of a change could not be written: the change must not go ahead. */
public final class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
