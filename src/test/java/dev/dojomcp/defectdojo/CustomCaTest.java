package dev.dojomcp.defectdojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.config.Environment;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** DEFECTDOJO_CA_FILE makes a DefectDojo with a private CA's certificate reachable; without it TLS fails. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomCaTest {
    private static final String KEY = "0123456789012345678901234567890123456789";
    private HttpsServer server;
    private Path caPem;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        caPem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "dojo", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-storetype", "PKCS12");
        keytool("-exportcert", "-alias", "dojo", "-rfc", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", caPem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api/v2/", ex -> {
            byte[] body = "{\"count\":7,\"next\":null,\"previous\":null,\"results\":[]}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    private DefectDojoClient client(Path ca) {
        Map<String, String> env = new HashMap<>(Map.of("DEFECTDOJO_URL",
                "https://127.0.0.1:" + server.getAddress().getPort(), "DEFECTDOJO_API_KEY", KEY,
                "DEFECTDOJO_TIMEOUT_SECONDS", "5"));
        if (ca != null) {
            env.put("DEFECTDOJO_CA_FILE", ca.toString());
        }
        DojoConnection c = DojoConnection.from(Environment.of(env));
        return new DefectDojoClient(new DojoHttp(c, 1), c.readKey(), Clock.systemUTC());
    }

    @Test
    void privateCa_isTrusted_whenConfigured() {
        assertThat(client(caPem).count(Query.on(Resource.PRODUCTS))).isEqualTo(7);
    }

    @Test
    void privateCa_isRefused_byTheDefaultTrustStore() {
        assertThatThrownBy(() -> client(null).count(Query.on(Resource.PRODUCTS)))
                .isInstanceOf(DojoException.class).hasMessage("DefectDojo could not be reached");
    }
}
