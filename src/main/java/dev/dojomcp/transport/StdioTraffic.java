package dev.dojomcp.transport;

import dev.dojomcp.defectdojo.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Stands between the process's stdin/stdout and the SDK's stdio transport, one newline-delimited
 * JSON-RPC message at a time. It does two things the SDK does not:
 * <ul>
 *   <li>A line that is not a JSON-RPC message is answered with a JSON-RPC error and dropped: the
 *       SDK stops reading input after one such line, leaving the client waiting forever.</li>
 *   <li>When input ends, end of input is held back from the SDK until every request already read
 *       has been answered (bounded): the SDK tears the session down as soon as it sees it.</li>
 * </ul>
 */
final class StdioTraffic {
    private static final Logger LOG = LoggerFactory.getLogger(StdioTraffic.class);
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final AtomicInteger unanswered = new AtomicInteger();
    private final CountDownLatch endOfInput = new CountDownLatch(1);
    private final long drainMillis;
    private LineWriter writer;

    StdioTraffic(long drainMillis) {
        this.drainMillis = drainMillis;
    }

    InputStream watch(InputStream in) {
        return new GatedInput(new BufferedInputStream(in));
    }

    OutputStream watch(OutputStream out) {
        writer = new LineWriter(out);
        return writer;
    }

    /** Returns once input has ended and the requests read before have been answered. */
    void awaitEndOfInput() throws InterruptedException {
        endOfInput.await();
    }

    private void drainThenSignal() {
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
            while (unanswered.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (unanswered.get() > 0) {
                LOG.warn("input ended with requests still unanswered after {} ms; closing", drainMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endOfInput.countDown();
    }

    /** Checks one input line; returns it (with its newline) for the SDK, or null after answering an error. */
    private byte[] admit(byte[] line, boolean tooLong) {
        if (tooLong) {
            reject(null, -32700, "Parse error: message too large");
            return null;
        }
        if (isBlank(line)) {
            return null;
        }
        JsonNode msg;
        try {
            msg = Json.mapper().readTree(line);
        } catch (JacksonException e) {
            reject(null, -32700, "Parse error");
            return null;
        }
        boolean valid = msg != null && msg.isObject() && "2.0".equals(msg.path("jsonrpc").asString(null))
                && (msg.has("method") ? msg.get("method").isString() : msg.has("id"));
        if (!valid) {
            reject(msg != null && msg.isObject() ? msg.get("id") : null, -32600, "Invalid Request");
            return null;
        }
        if (msg.has("method") && msg.has("id")) {
            unanswered.incrementAndGet();
        }
        byte[] out = new byte[line.length + 1];
        System.arraycopy(line, 0, out, 0, line.length);
        out[line.length] = '\n';
        return out;
    }

    private void reject(JsonNode id, int code, String message) {
        LOG.warn("dropped a stdin line that is not a JSON-RPC message ({})", message);
        String idJson = id == null || !(id.isString() || id.isNumber()) ? "null" : id.toString();
        String reply = "{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"error\":{\"code\":" + code + ",\"message\":\""
                + message + "\"}}\n";
        try {
            writer.write(reply.getBytes(StandardCharsets.UTF_8));
            writer.flush();
        } catch (IOException e) {
            LOG.debug("could not write an error reply", e);
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Hands the SDK whole, valid lines only. */
    private final class GatedInput extends InputStream {
        private final InputStream in;
        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        GatedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos >= current.length) {
                if (ended) {
                    return -1;
                }
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                boolean tooLong = false;
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    if (line.size() < MAX_LINE_BYTES) {
                        line.write(b);
                    } else {
                        tooLong = true;
                    }
                }
                if (b < 0) {
                    ended = true;
                    if (line.size() == 0) {
                        drainThenSignal();
                        return -1;
                    }
                }
                byte[] admitted = admit(line.toByteArray(), tooLong);
                current = admitted == null ? new byte[0] : admitted;
                pos = 0;
                if (ended && admitted == null) {
                    drainThenSignal();
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, buf, off, n);
            pos += n;
            return n;
        }
    }

    /** Writes whole lines atomically, so an error reply never lands inside one of the SDK's messages. */
    private final class LineWriter extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                pending.write(buf[i]);
                if (buf[i] == '\n') {
                    byte[] line = pending.toByteArray();
                    pending.reset();
                    out.write(line);
                    out.flush();
                    countAnswer(line);
                }
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            if (pending.size() > 0) {
                out.write(pending.toByteArray());
                pending.reset();
            }
            out.close();
        }

        private void countAnswer(byte[] line) {
            try {
                JsonNode msg = Json.mapper().readTree(line);
                if (msg != null && msg.has("id") && !msg.has("method") && !msg.path("id").isNull()) {
                    unanswered.decrementAndGet();
                }
            } catch (JacksonException e) {
                // not ours to judge; the SDK wrote it
            }
        }
    }
}
