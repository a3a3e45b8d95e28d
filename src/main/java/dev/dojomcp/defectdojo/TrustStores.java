package dev.dojomcp.defectdojo;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.DojoConnection;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS context for DefectDojo: the JDK's trust store, or only the CAs in a PEM file. */
final class TrustStores {
    private TrustStores() {
    }

    static SSLContext forCaFile(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new ConfigException(DojoConnection.CA_FILE, "contains no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : certs) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw new ConfigException(DojoConnection.CA_FILE, "is not a PEM certificate file");
        }
    }
}
