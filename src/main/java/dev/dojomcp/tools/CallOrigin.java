package dev.dojomcp.tools;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * Where a call came from as the client tells it: the MCP session and what the client says about itself
 * ({@code _meta.client_id}, its name and version from {@code initialize}). None of it is trusted; the
 * trusted identity is the {@link dev.dojomcp.security.Caller}.
 */
public record CallOrigin(String sessionId, String reportedClientId, String clientName, String clientVersion) {
    public static final CallOrigin NONE = new CallOrigin(null, null, null, null);

    /** A call made inside this process (command line), not over MCP. */
    public static CallOrigin local(String name) {
        return new CallOrigin(null, null, name, null);
    }

    public static CallOrigin of(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Map<String, Object> meta = request.meta();
        Object reported = meta == null ? null : meta.get("client_id");
        McpSchema.Implementation client = exchange.getClientInfo();
        return new CallOrigin(exchange.sessionId(), reported == null ? null : String.valueOf(reported),
                client == null ? null : client.name(), client == null ? null : client.version());
    }
}
