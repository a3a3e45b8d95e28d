package dev.dojomcp.audit;

import java.io.IOException;

/** Where sealed lines go. The first sink of an {@link AuditLog} is the source of truth. */
interface AuditSink extends AutoCloseable {
    /** Appends one line (a newline is added); {@code sync} asks for it to be on disk before returning. */
    void append(String line, boolean sync) throws IOException;

    @Override
    void close();
}
