package dev.dojomcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.dojomcp.tools.CallGuard;
import dev.dojomcp.tools.CallRefused;
import dev.dojomcp.tools.ToolSpec;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Mutations (tools that are not read-only) per caller: {@code MUTATION_RATE_LIMIT} per
 * {@code MUTATION_RATE_WINDOW}, refilled at the end of each window, one bucket per trusted caller id;
 * all open-access traffic shares one smaller bucket. Reads are not limited here (the concurrency
 * ceiling bounds them). Buckets of idle callers are dropped after two windows.
 */
final class MutationRateLimiter implements CallGuard {
    private final LimitSettings limits;
    private final Cache<String, Bucket> buckets;
    private final Bucket openAccess;

    MutationRateLimiter(LimitSettings limits) {
        this.limits = limits;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(limits.mutationWindow().multipliedBy(2)).build();
        this.openAccess = bucket(limits.openAccessMutationLimit());
    }

    @Override
    public void check(ToolSpec<?, ?> tool, Caller caller) {
        if (tool.readOnly()) {
            return;
        }
        boolean open = caller.kind() == Caller.Kind.OPEN;
        Bucket bucket = open ? openAccess
                : buckets.get(caller.id(), id -> bucket(limits.mutationLimit()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            int limit = open ? limits.openAccessMutationLimit() : limits.mutationLimit();
            throw new CallRefused(CallRefused.Reason.RATE_LIMITED, "rate limit exceeded: " + limit + " changes per "
                    + limits.mutationWindow().toSeconds() + " s" + (open ? " shared by all unauthenticated callers"
                            : " for this caller") + "; retry after " + retryAfter + " s");
        }
    }

    private Bucket bucket(int capacity) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(capacity).refillIntervally(capacity, limits.mutationWindow()))
                .build();
    }
}
