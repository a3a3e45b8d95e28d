package dev.dojomcp.conformance;

import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Transport;
import dev.dojomcp.server.ServerRuntime;
import dev.dojomcp.testing.StubDojo;
import dev.dojomcp.testing.StubDojo.Reply;
import dev.dojomcp.transport.HttpTransport;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.time.Clock;

/**
 * Test-only conformance profile: the real server (all toolsets, Streamable HTTP on 127.0.0.1, no auth)
 * against a stub DefectDojo, plus {@link ConformanceFixtures}. Used by {@code .ci/conformance.sh};
 * runs until killed.
 *
 * <pre>java -cp target/classes:target/test-classes:DEPS dev.dojomcp.conformance.ConformanceServer --port 18080</pre>
 */
public final class ConformanceServer {
    static final int DEFAULT_PORT = 18080;
    private static final String EMPTY_PAGE = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}";
    private static final String API_ROOT = "{\"findings\":\"/api/v2/findings/\",\"products\":\"/api/v2/products/\"}";

    private ConformanceServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = parsePort(args);
        StubDojo dojo = new StubDojo().otherwise(path -> {
            String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            return p.equals("/api/v2/") || p.equals("/api/v2") ? Reply.json(200, API_ROOT) : Reply.json(200, EMPTY_PAGE);
        });
        DojoConnection connection = DojoConnection.from(Environment.of(Map.of(
                DojoConnection.URL, dojo.baseUrl().toString(),
                DojoConnection.API_KEY, "conformance-test-key",
                DojoConnection.ALLOW_INSECURE_HTTP, "true")));
        // The suite sends no credentials: open access, as REQUIRE_AUTH=false would give.
        ServerRuntime runtime = new ServerRuntime(connection, Transport.HTTP, ServerRuntime.allToolsets(),
                dev.dojomcp.config.WriteSettings.defaults(), dev.dojomcp.security.SecuritySettings.defaults()
                        .withAuth(dev.dojomcp.security.AuthSettings.openAccess()), Clock.systemUTC());
        HttpTransport http = HttpTransport.start(runtime, HttpTransport.HttpOptions.loopback("127.0.0.1", port),
                ConformanceFixtures::register);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.close();
            runtime.close();
            dojo.close();
            stopped.countDown();
        }, "conformance-shutdown"));
        System.err.println("conformance server listening: " + http.mcpUrl());
        System.err.flush();
        stopped.await();
    }

    static int parsePort(String[] args) {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].startsWith("--port=")) {
                port = Integer.parseInt(args[i].substring("--port=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i] + " (usage: --port N)");
            }
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return port;
    }
}
