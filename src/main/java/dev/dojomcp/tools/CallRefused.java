package dev.dojomcp.tools;

/**
 * A call refused before any handler code ran: the caller is not authenticated, its role lacks the
 * tool's permission group, or it is over its rate limit. The message is client-safe.
 */
public final class CallRefused extends RuntimeException {
    public enum Reason {
        UNAUTHENTICATED("denied"), DENIED("denied"), RATE_LIMITED("rate_limited");

        private final String outcome;

        Reason(String outcome) {
            this.outcome = outcome;
        }

        /** The outcome label logs (and the audit trail) record. */
        public String outcome() {
            return outcome;
        }
    }

    private final Reason reason;

    public CallRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
