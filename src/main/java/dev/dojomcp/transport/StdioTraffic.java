package dev.dojomcp.transport;

import dev.dojomcp.defectdojo.Json;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Watches the newline-delimited JSON-RPC traffic of the stdio transport so the process can stop
 * cleanly: when input ends, requests already read still get their responses before exit.
 */
final class StdioTraffic {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StdioTraffic.class);
    private final AtomicInteger unanswered = new AtomicInteger();
    private final CountDownLatch endOfInput = new CountDownLatch(1);
    private final long drainMillis;

    StdioTraffic(long drainMillis) {
        this.drainMillis = drainMillis;
    }

    InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            private final LineSplitter lines = new LineSplitter(line -> {
                JsonNode msg = parse(line);
                if (msg != null && msg.has("method") && msg.has("id")) {
                    unanswered.incrementAndGet();
                }
            });

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    drainThenSignal();
                } else {
                    lines.accept(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n < 0) {
                    drainThenSignal();
                }
                for (int i = 0; i < n; i++) {
                    lines.accept(buf[off + i]);
                }
                return n;
            }
        };
    }

    OutputStream watch(OutputStream out) {
        return new FilterOutputStream(out) {
            private final LineSplitter lines = new LineSplitter(line -> {
                JsonNode msg = parse(line);
                if (msg != null && msg.has("id") && !msg.has("method")) {
                    unanswered.decrementAndGet();
                }
            });

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                lines.accept(b);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                out.write(buf, off, len);
                for (int i = 0; i < len; i++) {
                    lines.accept(buf[off + i]);
                }
            }
        };
    }

    /**
     * The SDK tears the session down as soon as it sees end of input, dropping answers still being
     * computed; so end of input is held back from it until every request read has been answered.
     */
    private void drainThenSignal() {
        try {
            if (!awaitAnswered(drainMillis)) {
                LOG.warn("input ended with requests still unanswered after {} ms; closing", drainMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endOfInput.countDown();
    }

    /** Returns once input has ended and the requests read before have been answered. */
    void awaitEndOfInput() throws InterruptedException {
        endOfInput.await();
    }

    private boolean awaitAnswered(long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (unanswered.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static JsonNode parse(byte[] line) {
        try {
            JsonNode node = Json.mapper().readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Collects bytes into lines; each complete line goes to the consumer. */
    private static final class LineSplitter {
        private final java.util.function.Consumer<byte[]> sink;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineSplitter(java.util.function.Consumer<byte[]> sink) {
            this.sink = sink;
        }

        synchronized void accept(int b) {
            if (b == '\n') {
                if (current.size() > 0) {
                    sink.accept(current.toByteArray());
                }
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
