package dev.dojomcp.tools;

import dev.dojomcp.security.Caller;

/**
 * A pipeline stage that runs before argument validation and may refuse the call (authorisation, rate
 * limiting) by throwing {@link CallRefused}.
 */
@FunctionalInterface
public interface CallGuard {
    void check(ToolSpec<?, ?> tool, Caller caller);
}
