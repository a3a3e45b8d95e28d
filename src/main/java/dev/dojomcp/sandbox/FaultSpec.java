package dev.dojomcp.sandbox;

/**
 * Fault injection settings.
 *
 * @param latencyMs   delay added to every in-scope request (0 = none)
 * @param errorRate   probability 0..1 that an in-scope request gets the fault {@code mode}
 * @param mode        what the fault does
 * @param status      HTTP status for {@link FaultMode#STATUS} and {@link FaultMode#HTML}
 * @param pathPrefix  only requests whose path starts with this are in scope (null = all API paths)
 * @param remaining   only the next N in-scope requests are affected (-1 = unlimited)
 * @param retryAfterSeconds value of the Retry-After header sent with 429 and 503
 */
public record FaultSpec(long latencyMs, double errorRate, FaultMode mode, int status, String pathPrefix,
                        int remaining, int retryAfterSeconds) {

    public FaultSpec {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must be >= 0");
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1, was " + errorRate);
        }
        if (mode == null) {
            mode = FaultMode.STATUS;
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status code, was " + status);
        }
        if (remaining < -1) {
            throw new IllegalArgumentException("remaining must be -1 (unlimited) or >= 0");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0");
        }
        if (pathPrefix != null && pathPrefix.isBlank()) {
            pathPrefix = null;
        }
    }

    public static FaultSpec none() {
        return new FaultSpec(0, 0.0, FaultMode.STATUS, 500, null, -1, 1);
    }

    /** Every in-scope request fails with {@code status} (JSON body). */
    public static FaultSpec status(int status) {
        return new FaultSpec(0, 1.0, FaultMode.STATUS, status, null, -1, 1);
    }

    /** Every in-scope request fails in the given way. */
    public static FaultSpec always(FaultMode mode) {
        return new FaultSpec(0, 1.0, mode, mode == FaultMode.HTML ? 502 : 500, null, -1, 1);
    }

    public static FaultSpec latency(long millis) {
        return new FaultSpec(millis, 0.0, FaultMode.STATUS, 500, null, -1, 1);
    }

    public boolean isNone() {
        return latencyMs == 0 && errorRate == 0.0;
    }

    public FaultSpec withLatencyMs(long ms) {
        return new FaultSpec(ms, errorRate, mode, status, pathPrefix, remaining, retryAfterSeconds);
    }

    public FaultSpec withErrorRate(double rate) {
        return new FaultSpec(latencyMs, rate, mode, status, pathPrefix, remaining, retryAfterSeconds);
    }

    public FaultSpec withMode(FaultMode newMode) {
        return new FaultSpec(latencyMs, errorRate, newMode, status, pathPrefix, remaining, retryAfterSeconds);
    }

    public FaultSpec withStatus(int newStatus) {
        return new FaultSpec(latencyMs, errorRate, mode, newStatus, pathPrefix, remaining, retryAfterSeconds);
    }

    public FaultSpec withPathPrefix(String prefix) {
        return new FaultSpec(latencyMs, errorRate, mode, status, prefix, remaining, retryAfterSeconds);
    }

    public FaultSpec withRemaining(int count) {
        return new FaultSpec(latencyMs, errorRate, mode, status, pathPrefix, count, retryAfterSeconds);
    }

    public FaultSpec withRetryAfterSeconds(int seconds) {
        return new FaultSpec(latencyMs, errorRate, mode, status, pathPrefix, remaining, seconds);
    }
}
