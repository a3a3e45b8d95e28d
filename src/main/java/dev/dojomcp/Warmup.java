package dev.dojomcp;

import dev.dojomcp.defectdojo.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import javax.net.ssl.SSLContext;
import org.slf4j.LoggerFactory;

/**
 * Start-up work that does not depend on the command line, begun on a second thread while the main
 * thread parses arguments and configuration: logging, the JVM's default TLS context (loaded by every
 * {@code java.net.http} client, even for http:// URLs) and the JSON machinery. Each piece is also
 * initialised on first use, so this only moves work earlier; failures here are ignored.
 */
final class Warmup {
    private Warmup() {
    }

    static void start() {
        Thread t = new Thread(Warmup::run, "warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            LoggerFactory.getLogger(Main.class);
            SSLContext.getDefault();
            Json.mapper().readTree("{\"warm\":[1,true,null]}");
            McpJsonDefaults.getMapper();
            McpJsonDefaults.getSchemaValidator();
        } catch (Exception | LinkageError e) {
            // Nothing to do: the same initialisation will happen, and fail visibly, on first real use.
        }
    }
}
