package dev.dojomcp.security;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Optional;

/** Where the authenticated caller travels: a request attribute, then the MCP transport context. */
public final class Callers {
    /** Servlet request attribute and transport-context key; clients cannot set either. */
    public static final String KEY = "dev.dojomcp.caller";

    private Callers() {
    }

    public static Optional<Caller> from(McpTransportContext context) {
        return context != null && context.get(KEY) instanceof Caller c ? Optional.of(c) : Optional.empty();
    }
}
