package dev.dojomcp.transport;

import dev.dojomcp.server.ServerRuntime;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/** MCP over standard input and output; stdout carries protocol messages only (logs go to stderr). */
public final class StdioTransport {
    private StdioTransport() {
    }

    public static McpSyncServer start(ServerRuntime runtime, InputStream in, OutputStream out,
            Consumer<McpServer.SyncSpecification<?>> extras) {
        StdioServerTransportProvider provider = new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, out);
        return runtime.configure(McpServer.sync(provider), extras).build();
    }
}
