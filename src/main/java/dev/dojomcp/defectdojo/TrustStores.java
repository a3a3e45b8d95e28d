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

/**
 * Builds a TLS context that trusts only the CAs in a PEM file (DefectDojo's {@code DEFECTDOJO_CA_FILE}, the audit
 * forwarders' {@code AUDIT_LOG_*_CA}); without such a file callers use the JDK's trust store.
 */
public final class TrustStores {
    private TrustStores() {
    }

    static SSLContext forCaFile(Path pemFile) {
        return forCaFile(pemFile, DojoConnection.CA_FILE);
    }

    /** A context trusting the PEM file's certificates; a bad file is a {@link ConfigException} naming {@code variable}. */
    public static SSLContext forCaFile(Path pemFile, String variable) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new ConfigException(variable, "contains no PEM certificate");
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
            throw new ConfigException(variable, "is not a PEM certificate file");
        }
    }
}
