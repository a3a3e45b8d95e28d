package dev.dojomcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.dojomcp.defectdojo.CallSlots;
import dev.dojomcp.defectdojo.DojoException;
import dev.dojomcp.defectdojo.DojoFailure;
import dev.dojomcp.defectdojo.DojoWriteException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One concurrency ceiling per caller on DefectDojo requests. A request waits up to {@code wait} for a
 * slot, then fails: a read as "rate limited", a write as not sent. Idle callers are forgotten.
 */
final class CallerSlots {
    private final int perCaller;
    private final Duration wait;
    private final Cache<String, Semaphore> slots;

    CallerSlots(int perCaller, Duration wait) {
        this.perCaller = perCaller;
        this.wait = wait;
        this.slots = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(30)).build();
    }

    CallSlots forCaller(Caller caller) {
        Semaphore semaphore = slots.get(caller.id(), id -> new Semaphore(perCaller, true));
        return new CallSlots() {
            @Override
            public <T> T within(Supplier<T> request, boolean write) {
                boolean acquired;
                try {
                    acquired = semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    acquired = false;
                }
                if (!acquired) {
                    throw busy(write);
                }
                try {
                    return request.get();
                } finally {
                    semaphore.release();
                }
            }
        };
    }

    private RuntimeException busy(boolean write) {
        String message = "this caller already has " + perCaller + " DefectDojo requests in flight; retry shortly";
        if (write) {
            return new DojoWriteException(DojoWriteException.Kind.NOT_SENT, 0, List.of(), 1, message
                    + "; nothing was sent");
        }
        return new DojoException(DojoFailure.CALLER_BUSY);
    }
}
