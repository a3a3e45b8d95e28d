package dev.dojomcp.tools;

import dev.dojomcp.security.Caller;
import java.util.Map;

/**
 * The audit stage of the pipeline. {@link #intent} runs before a change is sent to DefectDojo and
 * throws {@link ToolException} when the change cannot be audited (it is then refused); {@link #completed}
 * runs for every call, before its result goes back to the client.
 */
public interface CallAudit {
    CallAudit NONE = new CallAudit() {
        @Override
        public void intent(Call call) {
        }

        @Override
        public void completed(Call call, Completion completion) {
        }
    };

    void intent(Call call);

    void completed(Call call, Completion completion);

    /** What is known of a call before it runs; {@code caller} is null when it was not authenticated. */
    record Call(String requestId, ToolSpec<?, ?> tool, Caller caller, CallOrigin origin, Map<String, Object> arguments) {
    }

    /**
     * How it ended: outcome {@code success}, {@code error}, {@code denied} or {@code rate_limited}; a short
     * reason code for anything else; the write outcome of a change; the tool's output (null on failure).
     */
    record Completion(String outcome, String reason, String writeOutcome, Object output, long durationMs) {
    }
}
