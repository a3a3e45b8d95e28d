package dev.dojomcp.audit.forward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Syslog over TCP or TLS (RFC 6587 octet counting / RFC 5425), written by hand rather than with a syslog library.
 *
 * <p>Why: TCP syslog has no acknowledgement, so "delivered" can only be inferred from the connection, and the
 * forwarder must own the socket to do that: check before each write that the receiver has not closed the connection
 * (a 1 ms read returning -1), notice a receiver that went away after records were written, half-close at shutdown
 * and wait for the receiver to close its side (it has then read everything), and bound a write that blocks with a
 * watchdog. syslog-java-client (com.cloudbees) and Log4j2's Syslog appender hide the socket and reconnect on their
 * own, so a record written into a dying connection is silently lost; the framing itself is two lines
 * ({@link SyslogFormat}).
 *
 * <p>Records written on a connection are kept in the worker's resend window (unacknowledged) until the connection
 * has stayed open for the settle time after them; when the receiver closes the connection, everything in the
 * window is sent again on the next connection. Receivers de-duplicate by {@code seq}.
 */
final class SyslogSink implements Sink {
    private final ForwardSettings.Syslog target;
    private final SSLContext tls;
    private final SyslogFormat format;
    private final Tuning tuning;
    private final ScheduledExecutorService watchdog;

    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;

    SyslogSink(ForwardSettings.Syslog target, SSLContext tlsOrNull, SyslogFormat format, Tuning tuning,
            ScheduledExecutorService watchdog) {
        this.target = target;
        this.tls = tlsOrNull;
        this.format = format;
        this.tuning = tuning;
        this.watchdog = watchdog;
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public int maxBatch() {
        return 256;
    }

    @Override
    public long flushNanos() {
        return 0;
    }

    @Override
    public boolean acknowledged() {
        return false;
    }

    @Override
    public void send(List<AuditRecord> batch) throws IOException {
        if (socket != null && !alive()) {
            throw new ReceiverClosedException();
        }
        if (socket == null) {
            connect();
        }
        ByteArrayOutputStream frames = new ByteArrayOutputStream(batch.size() * 600);
        for (AuditRecord r : batch) {
            SyslogFormat.frame(format.message(r), frames);
        }
        ScheduledFuture<?> guard = watchdog.schedule(this::abort, tuning.ioTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            frames.writeTo(out);
            out.flush();
        } finally {
            guard.cancel(false);
        }
    }

    private void connect() throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(target.host(), target.port()), (int) tuning.connectTimeout().toMillis());
            raw.setTcpNoDelay(true);
            raw.setKeepAlive(true);
            Socket s = raw;
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(raw, target.host(), target.port(), true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS"); // host name verification (RFC 5425 §5.2)
                ssl.setSSLParameters(params);
                ssl.setSoTimeout((int) tuning.connectTimeout().toMillis());
                ssl.startHandshake();
                s = ssl;
            }
            in = s.getInputStream();
            out = s.getOutputStream();
            socket = s;
        } catch (IOException | RuntimeException e) {
            try {
                raw.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw e;
        }
    }

    /** The connection is open and the receiver has not closed it (a 1 ms read: -1 or an error means gone). */
    @Override
    public boolean alive() {
        Socket s = socket;
        if (s == null || s.isClosed()) {
            return false;
        }
        try {
            s.setSoTimeout(1);
            // Receivers send nothing; a byte that arrives anyway is ignored.
            return in.read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean finish(long timeoutNanos) {
        Socket s = socket;
        if (s == null || s.isClosed()) {
            return false;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            s.shutdownOutput(); // FIN (TLS: close_notify first): the receiver reads to here, then closes
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } finally {
            disconnect();
        }
    }

    @Override
    public void disconnect() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void abort() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** The receiver closed the connection: what it had not yet processed may be lost, so the window is resent. */
    static final class ReceiverClosedException extends IOException {
        ReceiverClosedException() {
            super("the syslog receiver closed the connection");
        }
    }
}
