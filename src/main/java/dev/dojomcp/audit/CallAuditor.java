package dev.dojomcp.audit;

import dev.dojomcp.security.Caller;
import dev.dojomcp.tools.CallAudit;
import dev.dojomcp.tools.CallOrigin;
import dev.dojomcp.tools.FindingRecord;
import dev.dojomcp.tools.Listing;
import dev.dojomcp.tools.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The pipeline's audit stage: one {@code tool_call} record per call, a {@code mutation_intent} before each change. */
public final class CallAuditor implements CallAudit {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallAuditor.class);
    private static final int MAX_CLIENT_TEXT = 128;

    private final AuditLog log;
    private final SessionReads reads = new SessionReads();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    public CallAuditor(AuditLog log) {
        this.log = log;
    }

    @Override
    public void intent(Call call) {
        try {
            log.recordDurably("mutation_intent", common(call));
        } catch (RuntimeException e) {
            if (!(e instanceof AuditUnavailableException)) {
                LOG.error("the intent record of {} could not be built", call.tool().name(), e);
            }
            throw new ToolException("the audit log cannot be written, so changes are refused until it can; "
                    + "reads still work");
        }
    }

    @Override
    public void completed(Call call, Completion completion) {
        try {
            record(call, completion);
        } catch (RuntimeException e) {
            // never lets a tool's result be lost to its audit record; the gap shows as a missing tool_call
            LOG.error("the audit record of {} could not be built", call.tool().name(), e);
        }
    }

    private void record(Call call, Completion completion) {
        calls.incrementAndGet();
        if (!"success".equals(completion.outcome())) {
            errors.incrementAndGet();
        }
        Map<String, Object> fields = common(call);
        fields.put("outcome", completion.outcome());
        if (completion.reason() != null) {
            fields.put("reason", completion.reason());
        }
        fields.put("duration_ms", completion.durationMs());
        boolean mutation = !call.tool().readOnly();
        fields.put("mutation", mutation);
        String session = sessionKey(call);
        if (mutation) {
            if (completion.writeOutcome() != null) {
                fields.put("write_outcome", completion.writeOutcome());
            }
            SessionReads.Snapshot snapshot = reads.snapshot(session);
            fields.put("findings_read_before_mutation", snapshot.ids());
            fields.put("findings_read_count", snapshot.count());
            try {
                log.recordDurably("tool_call", fields);
            } catch (AuditUnavailableException e) {
                // the change already happened and its intent record is on disk; the failure is logged and
                // the next change is refused until the file can be written again
            }
        } else {
            if ("success".equals(completion.outcome())) {
                reads.read(session, findingIds(completion.output()));
            }
            log.record("tool_call", fields);
        }
    }

    /** Calls and failed calls so far, for the stop record. */
    public Map<String, Object> totals() {
        return Map.of("calls", calls.get(), "failed_calls", errors.get());
    }

    private static Map<String, Object> common(Call call) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tool", call.tool().name());
        fields.put("request_id", call.requestId());
        Caller caller = call.caller();
        fields.put("caller", caller == null ? null : caller.id());
        if (caller != null) {
            fields.put("caller_kind", caller.kind().name().toLowerCase(java.util.Locale.ROOT));
            caller.role().ifPresent(role -> fields.put("role", role.name().toLowerCase(java.util.Locale.ROOT)));
        }
        CallOrigin origin = call.origin();
        Map<String, Object> client = new LinkedHashMap<>();
        putClientText(client, "reported_id", origin.reportedClientId());
        putClientText(client, "name", origin.clientName());
        putClientText(client, "version", origin.clientVersion());
        if (!client.isEmpty()) {
            fields.put("client", client);
        }
        if (origin.sessionId() != null) {
            fields.put("session", Caller.fingerprint(origin.sessionId()));
        }
        fields.put("params", AuditedParams.of(call.tool(), call.arguments()));
        return fields;
    }

    private static void putClientText(Map<String, Object> client, String name, String value) {
        if (value != null) {
            String clean = value.codePoints().filter(c -> c >= 0x20 && c != 0x7f && !Character.isSurrogate((char) c))
                    .limit(MAX_CLIENT_TEXT)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            client.put(name, clean);
        }
    }

    private static String sessionKey(Call call) {
        String caller = call.caller() == null ? "-" : call.caller().id();
        return caller + "|" + (call.origin().sessionId() == null ? "-" : call.origin().sessionId());
    }

    private static List<Long> findingIds(Object output) {
        List<Long> ids = new ArrayList<>();
        if (output instanceof FindingRecord f) {
            ids.add(f.findingId());
        } else if (output instanceof Listing<?> listing) {
            for (Object item : listing.results()) {
                if (item instanceof FindingRecord f) {
                    ids.add(f.findingId());
                }
            }
        }
        return ids;
    }

}
