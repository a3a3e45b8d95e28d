package dev.dojomcp.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of one server process: seals each event into the HMAC chain and appends it to the
 * audit file (or stderr) under one lock, so records are written in {@code seq} order. Durable records
 * (those of changes, lifecycle and checkpoints) are flushed, and forced to disk per
 * {@code AUDIT_LOG_FSYNC}, before {@link #recordDurably} returns, and throw when they cannot be written,
 * so a change is refused rather than left unaudited. Signed checkpoints follow every N records, every T
 * seconds when anything was written, and at {@link #close}; each also goes to the checkpoint file.
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditSettings settings;
    private final AuditSink sink;
    private final AuditSink anchor;
    private final AuditChain chain;
    private final Clock clock;
    private final Instant started;
    private final ScheduledExecutorService timer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ChainResume.Start start;
    private FileLock lock;
    private int sinceCheckpoint;
    private boolean healthy = true;
    private boolean closed;

    private AuditLog(AuditSettings settings, AuditSink sink, AuditSink anchor, ChainResume.Start start, Clock clock) {
        this.settings = settings;
        this.sink = sink;
        this.anchor = anchor;
        this.clock = clock;
        this.start = start;
        this.started = clock.instant();
        this.chain = new AuditChain(settings.key(), settings.signer(), newRunId(), clock, start.head());
        this.timer = settings.signer() == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoint");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the trail: resumes the chain from the file (or starts it) and writes the {@code chain_start} record. */
    public static AuditLog open(AuditSettings settings, Clock clock) throws IOException {
        return open(settings, clock, System.err);
    }

    static AuditLog open(AuditSettings settings, Clock clock, PrintStream stderr) throws IOException {
        FileLock lock = settings.toStderr() ? null : lock(settings.file());
        try {
            return open(settings, clock, stderr, lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.channel().close();
            }
            throw e;
        }
    }

    private static AuditLog open(AuditSettings settings, Clock clock, PrintStream stderr, FileLock lock)
            throws IOException {
        ChainResume.Start start = settings.toStderr()
                ? new ChainResume.Start(ChainHead.GENESIS, new LinkedHashMap<>(Map.of("status", "genesis")), null)
                : ChainResume.resume(settings.file(), settings.anchorFile(), settings.key());
        AuditSink sink = settings.toStderr() ? new StreamSink(stderr) : new AuditFile(settings.file());
        AuditSink anchor = settings.anchorFile() == null || settings.signer() == null ? null
                : new AuditFile(settings.anchorFile());
        AuditLog log = new AuditLog(settings, sink, anchor, start, clock);
        log.lock = lock;
        if (start.warning() != null) {
            LOG.error("CRITICAL: {}", start.warning());
        }
        log.recordDurably("chain_start", start.fields());
        if (start.warning() != null) {
            log.record("security", Map.of("event", "guard_warning", "detail", start.warning()));
        }
        if (log.timer != null) {
            long seconds = settings.checkpointInterval().toSeconds();
            log.timer.scheduleWithFixedDelay(log::checkpointIfPending, seconds, seconds, TimeUnit.SECONDS);
        }
        return log;
    }

    public AuditSettings settings() {
        return settings;
    }

    public String keyId() {
        return chain.key().id();
    }

    /** Called after each record reaches the file (the forwarders read it from there). */
    public void onAppend(Runnable listener) {
        listeners.add(listener);
    }

    /** Best effort: a record that cannot be written is logged, and the call goes on. */
    public void record(String type, Map<String, ?> fields) {
        try {
            append(type, fields, settings.fsync() == AuditSettings.Fsync.ALWAYS);
        } catch (AuditUnavailableException e) {
            // logged in append
        }
    }

    /** Written, flushed and (per the fsync policy) forced to disk before returning; throws when it cannot be. */
    public void recordDurably(String type, Map<String, ?> fields) {
        append(type, fields, settings.fsync() != AuditSettings.Fsync.NEVER);
    }

    public synchronized boolean healthy() {
        return healthy;
    }

    private void append(String type, Map<String, ?> fields, boolean sync) {
        synchronized (this) {
            if (closed) {
                throw new AuditUnavailableException("the audit log is closed", null);
            }
            write(chain.seal(type, fields), sync);
            if (++sinceCheckpoint >= settings.checkpointEvery()) {
                checkpointLocked();
            }
        }
        listeners.forEach(Runnable::run);
    }

    private void write(SealedRecord record, boolean sync) {
        try {
            sink.append(record.line(), sync);
        } catch (IOException | RuntimeException e) {
            if (healthy) {
                LOG.error("CRITICAL: the audit log cannot be written ({}): changes are refused until it can",
                        e.getClass().getSimpleName());
            }
            healthy = false;
            throw new AuditUnavailableException("the audit log cannot be written", e);
        }
        if (!healthy) {
            LOG.warn("the audit log can be written again");
        }
        healthy = true;
        chain.commit(record);
    }

    /** Writes a checkpoint now if anything was recorded since the last one. */
    public void checkpointIfPending() {
        boolean wrote;
        synchronized (this) {
            wrote = !closed && sinceCheckpoint > 0 && checkpointLocked();
        }
        if (wrote) {
            listeners.forEach(Runnable::run);
        }
    }

    private boolean checkpointLocked() {
        SealedRecord checkpoint = chain.sealCheckpoint();
        if (checkpoint == null) {
            sinceCheckpoint = 0;
            return false;
        }
        try {
            write(checkpoint, settings.fsync() != AuditSettings.Fsync.NEVER);
        } catch (AuditUnavailableException e) {
            return false;
        }
        sinceCheckpoint = 0;
        if (anchor != null) {
            try {
                anchor.append(checkpoint.line(), settings.fsync() != AuditSettings.Fsync.NEVER);
            } catch (IOException e) {
                LOG.error("the checkpoint file cannot be written ({})", e.getClass().getSimpleName());
            }
        }
        return true;
    }

    /** Writes the stop record and a final checkpoint, then closes the files. Later calls do nothing. */
    public void close(String reason, Map<String, ?> totals) {
        synchronized (this) {
            if (closed) {
                return;
            }
            Map<String, Object> fields = new LinkedHashMap<>(totals);
            fields.put("event", "stop");
            fields.put("reason", reason);
            fields.put("uptime_s", java.time.Duration.between(started, clock.instant()).toSeconds());
            try {
                write(chain.seal("lifecycle", fields), settings.fsync() != AuditSettings.Fsync.NEVER);
                sinceCheckpoint++;
            } catch (AuditUnavailableException e) {
                // logged
            }
            if (sinceCheckpoint > 0) {
                checkpointLocked();
            }
            closed = true;
        }
        listeners.forEach(Runnable::run);
        if (timer != null) {
            timer.shutdownNow();
        }
        sink.close();
        if (anchor != null) {
            anchor.close();
        }
        if (lock != null) {
            try {
                lock.channel().close();
            } catch (IOException ignored) {
                // released with the process anyway
            }
        }
    }

    /** One writer per chain: a second process appending to the same file would fork it. */
    private static FileLock lock(Path file) throws IOException {
        Path lockFile = Path.of(file + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another dojo-mcp process is writing this audit log (" + lockFile + " is locked)");
        }
        return lock;
    }

    @Override
    public void close() {
        close("shutdown", Map.of());
    }

    /** The head of the chain as it stands (for tests and the stop summary). */
    public synchronized ChainHead head() {
        return chain.head();
    }

    private static String newRunId() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
