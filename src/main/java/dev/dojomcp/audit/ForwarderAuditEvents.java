package dev.dojomcp.audit;

import dev.dojomcp.audit.forward.ForwarderEvents;
import java.util.LinkedHashMap;
import java.util.Map;

/** Forwarder outages, recoveries and gaps as records of the trail they forward (state changes only). */
public final class ForwarderAuditEvents implements ForwarderEvents {
    private final AuditLog log;

    public ForwarderAuditEvents(AuditLog log) {
        this.log = log;
    }

    @Override
    public void deliveryFailed(String sink, String errorClass, long pendingFromSeq) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "delivery_failed");
        fields.put("sink", sink);
        fields.put("error", errorClass);
        fields.put("pending_from_seq", pendingFromSeq);
        log.record("forwarder", fields);
    }

    @Override
    public void deliveryRestored(String sink, long deliveredThroughSeq) {
        log.record("forwarder", Map.of("event", "delivery_restored", "sink", sink,
                "delivered_through_seq", deliveredThroughSeq));
    }

    @Override
    public void gap(String sink, long fromSeq, long toSeq) {
        log.record("forwarder", Map.of("event", "gap", "sink", sink, "from_seq", fromSeq, "to_seq", toSeq));
    }
}
