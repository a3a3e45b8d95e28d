package dev.dojomcp.audit.forward;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.defectdojo.TrustStores;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the audit trail to a SIEM: one daemon thread per configured sink (syslog, HTTPS), each reading the audit
 * FILE from its own persisted cursor ({@code <AUDIT_LOG_FILE>.<sink>.cursor}), so nothing is lost across receiver
 * outages, logrotate and restarts. Delivery is at least once (TCP, TLS, HTTPS; UDP is best effort): receivers
 * de-duplicate by {@code seq}. See {@code docs/audit-forwarding.md}.
 *
 * <p>Life cycle: {@link #start()}; {@link #wake()} after each record the writer appends (the file is also polled
 * every 250 ms); {@link #close(Duration)} at shutdown, after the writer's last record.
 */
public final class AuditForwarders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditForwarders.class);

    private final List<SinkWorker> workers = new ArrayList<>();
    private final ScheduledThreadPoolExecutor watchdog;
    private boolean started;
    private boolean closed;

    public AuditForwarders(ForwardSettings settings, Path auditFile, ForwarderEvents events) {
        this(settings, auditFile, events, Tuning.DEFAULT);
    }

    AuditForwarders(ForwardSettings settings, Path auditFile, ForwarderEvents events, Tuning tuning) {
        Objects.requireNonNull(events, "events");
        if (settings.any()) {
            Objects.requireNonNull(auditFile, "auditFile");
        }
        ScheduledThreadPoolExecutor dog = null;
        if (settings.syslog().isPresent()) {
            ForwardSettings.Syslog s = settings.syslog().get();
            SyslogFormat format = SyslogFormat.local();
            Sink sink;
            if (s.protocol() == ForwardSettings.Protocol.UDP) {
                sink = new UdpSyslogSink(s, format);
            } else {
                // Bounds a write the receiver does not read (its buffers full, the host gone without a reset).
                dog = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "dojo-audit-forward-watchdog");
                    t.setDaemon(true);
                    return t;
                });
                dog.setRemoveOnCancelPolicy(true);
                SSLContext tls = s.protocol() == ForwardSettings.Protocol.TLS
                        ? tls(s.caFile().orElse(null), ForwardSettings.SYSLOG_CA) : null;
                sink = new SyslogSink(s, tls, format, tuning, dog);
            }
            workers.add(new SinkWorker(sink, auditFile, events, tuning));
        }
        settings.https().ifPresent(h -> workers.add(new SinkWorker(new HttpsSink(h,
                h.url().getScheme().equals("https") ? tls(h.caFile().orElse(null), ForwardSettings.HTTPS_CA) : null,
                tuning), auditFile, events, tuning)));
        this.watchdog = dog;
    }

    private static SSLContext tls(Path caOrNull, String variable) {
        if (caOrNull != null) {
            return TrustStores.forCaFile(caOrNull, variable);
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigException(variable, "no TLS implementation is available");
        }
    }

    /** The configured sinks: {@code syslog}, {@code https}. */
    public List<String> sinks() {
        return workers.stream().map(SinkWorker::name).toList();
    }

    /** The cursor file of a sink: {@code <auditFile>.<sink>.cursor}. */
    public static Path cursorFile(Path auditFile, String sink) {
        return CursorStore.pathFor(auditFile, sink);
    }

    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        workers.forEach(SinkWorker::start);
    }

    /** New records are in the file. Cheap, never blocks: call it after every record. */
    public void wake() {
        for (SinkWorker w : workers) {
            w.wake();
        }
    }

    /**
     * Delivers what the file holds now (at most {@code drainTimeout}), persists the cursors and stops the threads.
     * Whatever could not be delivered is sent after the next start.
     */
    public synchronized void close(Duration drainTimeout) {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            long deadline = System.nanoTime() + drainTimeout.toNanos();
            workers.forEach(w -> w.drain(deadline));
            try {
                for (SinkWorker w : workers) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 500;
                    if (!w.join(left)) {
                        LOG.warn("audit forwarding to {}: still busy at the drain deadline; stopping it", w.name());
                        w.stop();
                        w.join(2000);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                workers.forEach(SinkWorker::stop);
            }
        }
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
