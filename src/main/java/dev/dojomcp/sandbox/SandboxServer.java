package dev.dojomcp.sandbox;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** An in-memory DefectDojo REST API v2 served by Jetty. */
public final class SandboxServer implements AutoCloseable {

    private final Server jetty;
    private final ServerConnector connector;
    private final String host;
    private final Faults faults;
    private final SandboxStats stats;
    private final int findingCount;

    private SandboxServer(Server jetty, ServerConnector connector, String host, Faults faults, SandboxStats stats,
                          int findingCount) {
        this.jetty = jetty;
        this.connector = connector;
        this.host = host;
        this.faults = faults;
        this.stats = stats;
        this.findingCount = findingCount;
    }

    public static SandboxServer start(SandboxOptions options) throws Exception {
        return start(options, Clock.systemUTC());
    }

    /** With an explicit clock: "today" for date filters and computed fields, and the generator's reference time. */
    public static SandboxServer start(SandboxOptions options, Clock clock) throws Exception {
        SandboxStore store = options.fixture() == null
                ? new Generator(options.seed(), options.findings(), clock.instant()).generate()
                : FixtureLoader.load(options.fixture());
        return start(options, clock, store);
    }

    static SandboxServer start(SandboxOptions options, Clock clock, SandboxStore store) throws Exception {
        ScanTypes.seed(store); // DefectDojo's initializer creates a test type per parser (initialize_test_types)
        Map<String, Principal> keys = new HashMap<>();
        UserRecord admin = store.firstSuperuser();
        if (admin == null) {
            admin = new UserRecord(1, "admin", "Admin", "User", "admin@example.com", true, true, true,
                    clock.millis(), FindingRecord.NO_TIME);
            store.users.put(admin.id(), admin);
        }
        keys.put(options.adminApiKey(), new Principal(admin, true));
        if (options.readOnlyApiKey() != null) {
            UserRecord reader = store.users.values().stream().filter(u -> !u.isSuperuser() && u.isActive())
                    .findFirst().orElse(admin);
            keys.put(options.readOnlyApiKey(), new Principal(reader, false));
        }
        EntityJson json = new EntityJson(store, options.dojoVersion());
        ApiRouter router = new ApiRouter(store, ResourceCatalog.build(store, options.dojoVersion()),
                new Authenticator(store, keys), json, options.dojoVersion(), clock);
        Faults faults = new Faults(options.faults(), options.seed());
        SandboxStats stats = new SandboxStats();
        SandboxAdmin sandboxAdmin = new SandboxAdmin(options.adminApiKey(), faults, stats);

        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("dojo-sandbox");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        jetty.addConnector(connector);
        jetty.setHandler(new SandboxHandler(router, sandboxAdmin, faults, stats));
        store.findingsInDefaultOrder(); // sort once before the first request
        jetty.start();
        return new SandboxServer(jetty, connector, options.host(), faults, stats, store.findingCount());
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://HOST:PORT}, without a trailing slash or {@code /api/v2}. */
    public URI baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port());
    }

    public Faults faults() {
        return faults;
    }

    public SandboxStats stats() {
        return stats;
    }

    public int findingCount() {
        return findingCount;
    }

    /** Blocks until the server stops (used by the {@code sandbox} command). */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the sandbox", e);
        }
    }
}
