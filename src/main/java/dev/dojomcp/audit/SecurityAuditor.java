package dev.dojomcp.audit;

import dev.dojomcp.security.SecurityEvents;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes security events to the audit trail. Unauthenticated requests are cheap to send, so at most
 * {@value #PER_MINUTE} refusals a minute are recorded one by one; the rest are counted and the count
 * goes into the next record ({@code suppressed}), so the trail cannot be flooded yet nothing goes unseen.
 */
public final class SecurityAuditor implements SecurityEvents {
    static final int PER_MINUTE = 60;

    private final AuditLog log;
    private final Bucket budget = Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(PER_MINUTE).refillGreedy(PER_MINUTE, Duration.ofMinutes(1)).build())
            .build();
    private final AtomicLong suppressed = new AtomicLong();

    public SecurityAuditor(AuditLog log) {
        this.log = log;
    }

    @Override
    public void authFailure(String remote, String reason) {
        refusal("auth_failure", remote, reason);
    }

    @Override
    public void requestRefused(String remote, String reason) {
        refusal("request_refused", remote, reason);
    }

    /** Start-up warnings (open access, ephemeral keys, …): always recorded. */
    public void guardWarnings(List<String> warnings) {
        warnings.forEach(w -> log.record("security", Map.of("event", "guard_warning", "detail", w)));
    }

    private void refusal(String event, String remote, String reason) {
        if (!budget.tryConsume(1)) {
            suppressed.incrementAndGet();
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", event);
        fields.put("remote", remote == null ? null : remote.replaceAll("[^0-9A-Fa-f:.\\[\\]%a-z-]", "?"));
        fields.put("reason", reason);
        fields.put("suppressed", suppressed.getAndSet(0));
        log.record("security", fields);
    }
}
