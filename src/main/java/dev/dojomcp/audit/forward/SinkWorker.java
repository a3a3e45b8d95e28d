package dev.dojomcp.audit.forward;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sink's thread: reads the audit file from the sink's cursor, sends batches, advances and persists the cursor.
 *
 * <p>Failures: every failed send is retried, after an exponential backoff with jitter (resilience4j's
 * {@link IntervalFunction}), for ever: nothing is dropped, the cursor just does not move. A resilience4j
 * {@link CircuitBreaker} opens after {@link Tuning#breakerFailures()} consecutive failures and then lets one probe
 * through per {@link Tuning#breakerOpen()}. The loop is ours rather than resilience4j's {@code Retry} because it
 * must never give up, re-read the batch from the file after each failure (syslog's resend window), and stay
 * responsive to {@link #wake()} and to the drain deadline while waiting.
 *
 * <p>Events: {@link ForwarderEvents#deliveryFailed} when the breaker opens (or at once for an HTTP 4xx that is
 * not 408/429), {@link ForwarderEvents#deliveryRestored} at the next success; never once per retry.
 */
final class SinkWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);

    private final Sink sink;
    private final CursorStore store;
    private final ForwarderEvents events;
    private final Tuning tuning;
    private final AuditTail tail;
    private final CircuitBreaker breaker;
    private final IntervalFunction backoff;

    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean draining;
    private volatile long drainDeadline;
    private volatile boolean stopNow;

    // Owned by the worker thread.
    private Position confirmed = Position.START;
    private Position persisted;
    private long lastPersist;
    private final ArrayDeque<Sent> window = new ArrayDeque<>();
    private final List<AuditRecord> pending = new ArrayList<>();
    private long pendingSince;
    private boolean caughtUp;
    private int failures;
    private boolean reportedDown;
    private long retryAt = System.nanoTime();
    private long lastAliveCheck;
    private long gapReportedThrough;
    private boolean persistFailing;

    /** A record written to an unacknowledged sink, not yet settled. */
    private record Sent(long seq, Position after, long at) {
    }

    SinkWorker(Sink sink, java.nio.file.Path auditFile, ForwarderEvents events, Tuning tuning) {
        this.sink = sink;
        this.store = new CursorStore(auditFile, sink.name());
        this.events = events;
        this.tuning = tuning;
        this.tail = new AuditTail(auditFile, this::onGap);
        this.breaker = CircuitBreaker.of("audit-forward-" + sink.name(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(tuning.breakerFailures())
                .minimumNumberOfCalls(tuning.breakerFailures())
                .failureRateThreshold(100f)
                .waitDurationInOpenState(tuning.breakerOpen())
                .permittedNumberOfCallsInHalfOpenState(1)
                .writableStackTraceEnabled(false)
                .build());
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(tuning.initialBackoff(), 2.0, 0.2,
                tuning.maxBackoff());
    }

    String name() {
        return sink.name();
    }

    Sink sink() {
        return sink;
    }

    void start() {
        Thread t = new Thread(this, "dojo-audit-forward-" + sink.name());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void wake() {
        woken.set(true);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Deliver what is in the file now, then stop; give up at {@code deadline} ({@link System#nanoTime()}). */
    void drain(long deadline) {
        drainDeadline = deadline;
        draining = true;
        wake();
    }

    /** Stop at once, unblocking any I/O. */
    void stop() {
        stopNow = true;
        wake();
        sink.abort();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    boolean join(long millis) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return true;
        }
        t.join(Math.max(1, millis));
        return !t.isAlive();
    }

    @Override
    public void run() {
        try {
            confirmed = store.load();
            persisted = confirmed;
            lastPersist = System.nanoTime();
            if (!confirmed.isStart()) {
                LOG.info("audit forwarding to {}: resuming after seq {}", sink.name(), confirmed.seq());
            }
            rewind();
            loop();
        } catch (RuntimeException | Error e) {
            LOG.error("audit forwarding to {} stopped by an unexpected error", sink.name(), e);
        } finally {
            Thread.interrupted(); // an interrupt from stop() must not break the cursor write
            persist(true);
            sink.disconnect();
            tail.close();
        }
    }

    private void loop() {
        while (!stopNow) {
            long now = System.nanoTime();
            if (draining && now - drainDeadline >= 0) {
                if (!pending.isEmpty() || !caughtUp || !window.isEmpty()) {
                    LOG.warn("audit forwarding to {}: stopped before everything was delivered; the rest is sent "
                            + "after the next start (cursor at seq {})", sink.name(), confirmed.seq());
                }
                return;
            }
            if (now - retryAt < 0) {
                park(draining ? Math.min(retryAt - now, drainDeadline - now) : retryAt - now);
                continue;
            }
            try {
                settle(now);
                fill();
                boolean due = !pending.isEmpty() && (pending.size() >= sink.maxBatch() || draining
                        || System.nanoTime() - pendingSince >= sink.flushNanos());
                if (due) {
                    attempt();
                    continue;
                }
                if (draining && pending.isEmpty() && caughtUp) {
                    finishDrain();
                    return;
                }
                persistIfDue();
                long wait = tuning.poll().toNanos();
                if (!pending.isEmpty()) {
                    wait = Math.min(wait, pendingSince + sink.flushNanos() - System.nanoTime());
                }
                park(wait);
            } catch (IOException | RuntimeException e) {
                if (stopNow) {
                    return;
                }
                // Keep forwarding: a dead thread would stop the trail from leaving the host without a trace.
                LOG.warn("audit forwarding to {}: reading the audit file failed ({}); retrying", sink.name(),
                        e.getClass().getSimpleName(), e);
                rewind();
                retryAt = System.nanoTime() + Math.max(tuning.poll().toNanos(), 1_000_000_000L);
            }
        }
    }

    /** Reads records into {@link #pending}, up to a batch (and, unacknowledged, up to a full window). */
    private void fill() throws IOException {
        while (pending.size() < sink.maxBatch()
                && (sink.acknowledged() || window.size() + pending.size() < tuning.maxWindow())) {
            AuditRecord r = tail.next();
            if (r == null) {
                caughtUp = true;
                return;
            }
            if (pending.isEmpty()) {
                pendingSince = System.nanoTime();
            }
            pending.add(r);
        }
        caughtUp = false;
    }

    private void attempt() {
        if (!breaker.tryAcquirePermission()) {
            retryAt = System.nanoTime() + tuning.poll().toNanos();
            return;
        }
        long t0 = System.nanoTime();
        LOG.debug("audit forwarding to {}: sending seq {}-{}", sink.name(), pending.get(0).seq(),
                pending.get(pending.size() - 1).seq());
        try {
            sink.send(pending);
        } catch (Exception e) {
            if (stopNow) {
                breaker.releasePermission();
                return;
            }
            breaker.onError(System.nanoTime() - t0, TimeUnit.NANOSECONDS, e);
            failed(e);
            return;
        }
        breaker.onSuccess(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        long now = System.nanoTime();
        if (sink.acknowledged()) {
            confirmed = pending.get(pending.size() - 1).after();
            pending.clear();
            delivered();
        } else {
            // Written is not delivered: the records count once they have settled (see settle()).
            for (AuditRecord r : pending) {
                window.addLast(new Sent(r.seq(), r.after(), now));
            }
            pending.clear();
        }
        persistIfDue();
    }

    /**
     * The cursor advanced: the sink works. For TCP/TLS syslog that is when records settle, not when a write returns,
     * so a receiver that accepts connections but never reads (or drops them) is still reported as failing.
     */
    private void delivered() {
        failures = 0;
        if (reportedDown) {
            reportedDown = false;
            long last = confirmed.seq();
            LOG.warn("audit forwarding to {}: delivery restored, delivered through seq {}", sink.name(), last);
            fire(() -> events.deliveryRestored(sink.name(), last));
        }
    }

    private void failed(Exception e) {
        failures++;
        long pendingFrom = firstUnconfirmedSeq();
        String errorClass = e instanceof HttpsSink.StatusException s ? s.errorClass() : e.getClass().getSimpleName();
        boolean atOnce = e instanceof HttpsSink.StatusException s && s.reportAtOnce();
        sink.disconnect();
        rewind();
        if (!reportedDown && (atOnce || failures >= tuning.breakerFailures()
                || breaker.getState() == CircuitBreaker.State.OPEN)) {
            reportedDown = true;
            LOG.warn("audit forwarding to {} failing ({}, {} attempts); records from seq {} wait in the audit file",
                    sink.name(), errorClass, failures, pendingFrom);
            fire(() -> events.deliveryFailed(sink.name(), errorClass, pendingFrom));
        } else if (failures == 1) {
            LOG.info("audit forwarding to {}: delivery failed ({}); retrying", sink.name(), errorClass);
        } else {
            LOG.debug("audit forwarding to {}: delivery failed ({}, attempt {})", sink.name(), errorClass, failures);
        }
        retryAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff.apply(Math.min(failures, 30)));
    }

    private long firstUnconfirmedSeq() {
        if (!confirmed.isStart()) {
            return confirmed.seq() + 1;
        }
        if (!window.isEmpty()) {
            return window.peekFirst().seq();
        }
        return pending.isEmpty() ? 1 : pending.get(0).seq();
    }

    /**
     * Unacknowledged sinks: records that stayed on a live connection for the settle time count as delivered; when
     * the receiver has closed the connection, everything not settled is sent again.
     */
    private void settle(long now) {
        if (sink.acknowledged() || window.isEmpty() || now - lastAliveCheck < tuning.poll().toNanos()) {
            return;
        }
        lastAliveCheck = now;
        if (!sink.alive()) {
            LOG.info("audit forwarding to {}: the receiver closed the connection; sending again from seq {}",
                    sink.name(), window.peekFirst().seq());
            // A failure like any other (a receiver that accepts and drops connections must not loop unreported).
            failed(new SyslogSink.ReceiverClosedException());
            return;
        }
        long settle = tuning.settle().toNanos();
        boolean advanced = false;
        while (!window.isEmpty() && now - window.peekFirst().at() >= settle) {
            confirmed = window.pollFirst().after();
            advanced = true;
        }
        if (advanced) {
            delivered();
        }
    }

    private void finishDrain() {
        if (!window.isEmpty()) {
            long left = drainDeadline - System.nanoTime();
            if (left > 0 && sink.finish(left)) {
                confirmed = window.peekLast().after();
                window.clear();
                delivered();
            } else {
                LOG.info("audit forwarding to {}: the receiver did not confirm the last records by closing; they are "
                        + "sent again after the next start (from seq {})", sink.name(), window.peekFirst().seq());
            }
        }
    }

    /** Forgets what was read or sent but not confirmed, and reads again from the cursor. */
    private void rewind() {
        pending.clear();
        window.clear();
        caughtUp = false;
        try {
            tail.seek(confirmed);
        } catch (IOException e) {
            // next() opens the file again by seq
            LOG.debug("audit forwarding to {}: seek failed", sink.name(), e);
        }
    }

    private void onGap(long from, long to) {
        if (to <= gapReportedThrough) {
            return;
        }
        long f = Math.max(from, gapReportedThrough + 1);
        gapReportedThrough = to;
        LOG.warn("audit forwarding to {}: records {}–{} are in no readable file (compressed or deleted?); they cannot "
                + "be forwarded", sink.name(), f, to);
        fire(() -> events.gap(sink.name(), f, to));
    }

    private void persistIfDue() {
        if (System.nanoTime() - lastPersist >= tuning.persistEvery().toNanos()) {
            persist(false);
        }
    }

    private void persist(boolean force) {
        if (confirmed.equals(persisted) || confirmed.isStart()) {
            return;
        }
        lastPersist = System.nanoTime();
        try {
            store.save(confirmed);
            persisted = confirmed;
            persistFailing = false;
        } catch (IOException e) {
            if (!persistFailing || force) {
                LOG.warn("audit forwarding to {}: the cursor {} cannot be written ({}); records may be sent again "
                        + "after a restart", sink.name(), store.path().getFileName(), e.getClass().getSimpleName());
            }
            persistFailing = true;
        }
    }

    private void fire(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.warn("audit forwarding to {}: the event callback failed", sink.name(), e);
        }
    }

    private void park(long nanos) {
        if (nanos <= 0 || woken.getAndSet(false)) {
            return;
        }
        LockSupport.parkNanos(this, nanos);
        woken.set(false);
    }
}
