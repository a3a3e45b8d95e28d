package dev.dojomcp.audit.forward;

/**
 * What the forwarders tell the audit writer, to be written as audit records ({@code type: forwarder}). Called on
 * state transitions only, never once per retry: these records are themselves forwarded, and a record per retry would
 * feed the outage it reports. Called from the sink's own thread; an exception thrown here is logged and ignored.
 */
public interface ForwarderEvents {
    /**
     * Delivery to {@code sink} stopped working: its circuit breaker opened (several consecutive failures), or the
     * receiver refused a delivery with an HTTP 4xx other than 429 (reported at once: a wrong token does not heal by
     * itself). Nothing is dropped; records from {@code pendingFromSeq} on wait in the file.
     *
     * @param errorClass the simple class name of the exception (e.g. {@code ConnectException}), or {@code http_503}
     *                   style for an HTTP status; never a message or a response body
     */
    void deliveryFailed(String sink, String errorClass, long pendingFromSeq);

    /** The first successful delivery to {@code sink} after {@link #deliveryFailed}; records up to this seq were sent. */
    void deliveryRestored(String sink, long deliveredThroughSeq);

    /**
     * Records {@code fromSeq}–{@code toSeq} (inclusive) cannot be forwarded: the forwarder needed them but they are
     * in no readable file (rotated and compressed or deleted while the forwarder was behind or stopped), or the file
     * skips those seqs. Reported once per gap and sink.
     */
    void gap(String sink, long fromSeq, long toSeq);

    /** Ignores everything (the forwarders also log each event). */
    ForwarderEvents NONE = new ForwarderEvents() {
        @Override
        public void deliveryFailed(String sink, String errorClass, long pendingFromSeq) {
        }

        @Override
        public void deliveryRestored(String sink, long deliveredThroughSeq) {
        }

        @Override
        public void gap(String sink, long fromSeq, long toSeq) {
        }
    };
}
