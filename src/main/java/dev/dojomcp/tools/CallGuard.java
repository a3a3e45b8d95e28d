package dev.dojomcp.tools;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * A pipeline stage that runs before argument validation and may refuse the call (authentication,
 * authorisation, rate limiting). Throw {@link ToolException} with a client-safe message to refuse.
 */
@FunctionalInterface
public interface CallGuard {
    void check(ToolSpec<?, ?> tool, McpTransportContext transport);
}
