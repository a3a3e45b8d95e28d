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
    private static final long DRAIN_MILLIS = 60_000;

    private StdioTransport() {
    }

    /**
     * Serves until standard input ends, then lets requests already read finish (at most a minute)
     * before closing, so a client that writes its last request and closes its end still gets the answer.
     */
    public static void serve(ServerRuntime runtime, InputStream in, OutputStream out,
            Consumer<McpServer.SyncSpecification<?>> extras) throws InterruptedException {
        StdioTraffic traffic = new StdioTraffic(DRAIN_MILLIS);
        StdioServerTransportProvider provider = new StdioServerTransportProvider(McpJsonDefaults.getMapper(),
                traffic.watch(in), traffic.watch(out));
        McpSyncServer server = runtime.configure(McpServer.sync(provider), false, extras).build();
        traffic.awaitEndOfInput();
        server.closeGracefully();
    }
}
