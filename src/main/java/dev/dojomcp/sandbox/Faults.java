package dev.dojomcp.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Runtime fault injection switch, shared by all request threads.
 * The error roll for the n-th in-scope request is a pure function of (seed, n), so a run with the
 * same seed and the same request order injects the same faults.
 */
public final class Faults {

    /** What to do with one request. */
    public record Decision(long latencyMs, FaultMode fault, FaultSpec spec) {
        static final Decision PASS = new Decision(0, null, null);

        public boolean injectsFault() {
            return fault != null;
        }
    }

    private final long seed;
    private final AtomicLong counter = new AtomicLong();
    private FaultSpec spec;
    private int remaining;

    Faults(FaultSpec initial, long seed) {
        this.seed = seed;
        set(initial);
    }

    public synchronized void set(FaultSpec newSpec) {
        this.spec = newSpec == null ? FaultSpec.none() : newSpec;
        this.remaining = this.spec.remaining();
    }

    public void clear() {
        set(FaultSpec.none());
    }

    /** The active settings; {@code remaining} reflects how many affected requests are left. */
    public synchronized FaultSpec current() {
        return spec.withRemaining(remaining);
    }

    Decision decide(String path) {
        FaultSpec active;
        synchronized (this) {
            active = spec;
            if (active.isNone() || remaining == 0) {
                return Decision.PASS;
            }
            if (active.pathPrefix() != null && !path.startsWith(active.pathPrefix())) {
                return Decision.PASS;
            }
            if (remaining > 0) {
                remaining--;
            }
        }
        boolean fail = active.errorRate() > 0 && roll(counter.getAndIncrement()) < active.errorRate();
        return new Decision(active.latencyMs(), fail ? active.mode() : null, active);
    }

    private double roll(long n) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
