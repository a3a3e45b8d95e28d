package dev.dojomcp.transport;

import dev.dojomcp.security.AuthSettings;
import dev.dojomcp.security.Callers;
import dev.dojomcp.server.ServerRuntime;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Streamable HTTP at {@code /mcp} on embedded Jetty, with {@code /healthz} (process alive) and
 * {@code /readyz} (DefectDojo reachable). Every MCP request is authenticated ({@link AuthFilter}); Origin
 * and Host headers are checked (DNS-rebinding defence); idle sessions are swept.
 */
public final class HttpTransport implements AutoCloseable {
    public static final String MCP_PATH = "/mcp";

    private final Server jetty;
    private final McpSyncServer mcp;
    private final HttpServletStreamableServerTransportProvider provider;

    private HttpTransport(Server jetty, McpSyncServer mcp, HttpServletStreamableServerTransportProvider provider) {
        this.jetty = jetty;
        this.mcp = mcp;
        this.provider = provider;
    }

    public static HttpTransport start(ServerRuntime runtime, HttpOptions options,
            Consumer<McpServer.SyncSpecification<?>> extras) throws Exception {
        DefaultServerTransportSecurityValidator origins = securityValidator(options);
        AuthSettings auth = runtime.access().settings().auth();
        if (auth.mode() == AuthSettings.Mode.NONE && auth.requireAuth()) {
            throw new IllegalStateException("the HTTP transport needs authentication (role tokens or passthrough), "
                    + "or REQUIRE_AUTH=false");
        }
        HttpServletStreamableServerTransportProvider provider = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .mcpEndpoint(MCP_PATH)
                .maxRequestSize(options.maxRequestBytes())
                .sessionSweepInterval(options.sessionIdle())
                .securityValidator(origins)
                .contextExtractor(request -> {
                    Map<String, Object> ctx = new HashMap<>();
                    Object caller = request.getAttribute(Callers.KEY);
                    if (caller != null) {
                        ctx.put(Callers.KEY, caller);
                    }
                    ctx.put("remote_addr", request.getRemoteAddr());
                    return McpTransportContext.create(ctx);
                })
                .build();
        McpSyncServer mcp = runtime.configure(McpServer.sync(provider), true, extras).build();

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setSendServerVersion(false);
        httpConfig.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(httpConfig));
        connector.setHost(options.host());
        connector.setPort(options.port());
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder mcpHolder = new ServletHolder("mcp", provider);
        mcpHolder.setAsyncSupported(true);
        context.addServlet(mcpHolder, MCP_PATH);
        context.addFilter(new FilterHolder(new AuthFilter(origins, runtime.access().http(),
                options.sessionIdle(), runtime.securityEvents())), MCP_PATH,
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("healthz", new ProbeServlets.Liveness()), "/healthz");
        context.addServlet(new ServletHolder("readyz", new ProbeServlets.Readiness(runtime.dojo())), "/readyz");
        jetty.setHandler(context);
        jetty.setStopAtShutdown(false);
        jetty.start();
        return new HttpTransport(jetty, mcp, provider);
    }

    static DefaultServerTransportSecurityValidator securityValidator(HttpOptions options) {
        DefaultServerTransportSecurityValidator.Builder b = DefaultServerTransportSecurityValidator.builder();
        for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
            b.allowedOrigin("http://" + host + ":*").allowedOrigin("https://" + host + ":*")
                    .allowedOrigin("http://" + host).allowedOrigin("https://" + host)
                    .allowedHost(host + ":*").allowedHost(host);
        }
        String bind = options.host();
        if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.equals("[::]")) {
            b.allowedHost(bind + ":*").allowedHost(bind);
        }
        options.allowedOrigins().forEach(b::allowedOrigin);
        options.allowedHosts().forEach(b::allowedHost);
        return b.build();
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public URI mcpUrl() {
        String host = ((ServerConnector) jetty.getConnectors()[0]).getHost();
        if (host == null || host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":"
                + port() + MCP_PATH);
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        try {
            mcp.closeGracefully();
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // process is ending
        }
    }

    /** Listening options; {@code allowedOrigins}/{@code allowedHosts} extend the loopback defaults. */
    public record HttpOptions(String host, int port, int maxRequestBytes, Duration sessionIdle,
            List<String> allowedOrigins, List<String> allowedHosts) {
        public static HttpOptions loopback(String host, int port) {
            return new HttpOptions(host, port, 1 << 20, Duration.ofMinutes(10), List.of(), List.of());
        }
    }
}
