package dev.dojomcp.audit;

import java.io.IOException;
import java.io.PrintStream;

/** Records on a stream (stderr) when no audit file is configured. */
final class StreamSink implements AuditSink {
    private final PrintStream out;

    StreamSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void append(String line, boolean sync) throws IOException {
        synchronized (out) {
            out.print(line + "\n");
            out.flush();
            if (out.checkError()) {
                throw new IOException("audit stream failed");
            }
        }
    }

    @Override
    public void close() {
        out.flush();
    }
}
