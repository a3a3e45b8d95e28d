package dev.dojomcp.audit.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed server certificate for 127.0.0.1 / localhost, made once per test JVM with the JDK's keytool (as in
 * {@code CustomCaTest}); its PEM is the test CA file.
 */
final class TestTls {
    private static TestTls instance;

    final Path caPem;
    final SSLContext server;

    private TestTls(Path caPem, SSLContext server) {
        this.caPem = caPem;
        this.server = server;
    }

    static synchronized TestTls get() throws Exception {
        if (instance == null) {
            Path dir = Files.createTempDirectory("audit-forward-tls");
            dir.toFile().deleteOnExit();
            Path keystore = dir.resolve("server.p12");
            Path ca = dir.resolve("ca.pem");
            keytool("-genkeypair", "-alias", "siem", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore",
                    keystore.toString(), "-storepass", "changeit", "-storetype", "PKCS12");
            keytool("-exportcert", "-alias", "siem", "-rfc", "-keystore", keystore.toString(), "-storepass",
                    "changeit", "-file", ca.toString());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            ca.toFile().deleteOnExit();
            keystore.toFile().deleteOnExit();
            instance = new TestTls(ca, tls);
        }
        return instance;
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
