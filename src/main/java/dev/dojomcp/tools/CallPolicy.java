package dev.dojomcp.tools;

import dev.dojomcp.security.Caller;
import dev.dojomcp.security.UntrustedContent;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The security stages of the pipeline: who the caller is (empty = refuse), the guards run before
 * argument validation (authorise, rate-limit), the screen of validated write arguments, and the
 * protection of untrusted text in results, and the audit trail every call is recorded in.
 */
public record CallPolicy(
        Function<McpTransportContext, Optional<Caller>> callers,
        List<CallGuard> guards,
        BiConsumer<ToolSpec<?, ?>, Object> inputScreen,
        UntrustedContent untrusted,
        CallAudit audit) {

    public CallPolicy {
        guards = List.copyOf(guards);
    }

    public CallPolicy(Function<McpTransportContext, Optional<Caller>> callers, List<CallGuard> guards,
            BiConsumer<ToolSpec<?, ?>, Object> inputScreen, UntrustedContent untrusted) {
        this(callers, guards, inputScreen, untrusted, CallAudit.NONE);
    }

    public CallPolicy withAudit(CallAudit other) {
        return new CallPolicy(callers, guards, inputScreen, untrusted, other);
    }

    /** The local caller with no guards, no screening and no wrapping: only for tests of the pipeline itself. */
    public static CallPolicy unguarded() {
        return new CallPolicy(t -> Optional.of(Caller.local()), List.of(), (tool, input) -> { },
                new UntrustedContent(false, UnaryOperator.identity()));
    }
}
