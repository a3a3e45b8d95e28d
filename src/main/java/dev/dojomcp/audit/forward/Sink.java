package dev.dojomcp.audit.forward;

import java.util.List;

/** One receiver. Used by its {@link SinkWorker}'s thread only, except {@link #abort()}. */
interface Sink {
    /** {@code syslog} or {@code https}: names the cursor file and the events. */
    String name();

    /** At most this many records per {@link #send}. */
    int maxBatch();

    /** A batch smaller than {@link #maxBatch()} waits up to this long for more records; 0 = send at once. */
    long flushNanos();

    /**
     * True when a successful {@link #send} means the receiver has the records (an HTTP 2xx; UDP, which can do no
     * better). False for TCP/TLS syslog: the records stay in the resend window until {@link #alive()} has held for
     * the settle time.
     */
    boolean acknowledged();

    /** Sends the records in order, or throws; the worker then calls {@link #disconnect()} and sends them again later. */
    void send(List<AuditRecord> batch) throws Exception;

    /** Unacknowledged sinks: the connection is open and the receiver has not closed it. */
    default boolean alive() {
        return true;
    }

    /**
     * At close, unacknowledged sinks: closes the sending side and waits (at most {@code timeoutNanos}) for the
     * receiver to close its side, which it does only after reading everything. True when it did.
     */
    default boolean finish(long timeoutNanos) {
        return true;
    }

    /** Drops the connection (after a failure, or at close). */
    void disconnect();

    /** From another thread: unblocks a {@link #send} stuck in I/O. */
    void abort();
}
