package dev.dojomcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DojoConnectionTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef01234567";

    private static Environment env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Environment.of(m);
    }

    @Test
    void httpsUrl_withKey_isAccepted_andApiSuffixIsNormalised() {
        DojoConnection c = DojoConnection.from(env("DEFECTDOJO_URL", "https://dojo.example.com/api/v2/",
                "DEFECTDOJO_API_KEY", KEY));
        assertThat(c.baseUrl()).hasToString("https://dojo.example.com");
        assertThat(c.apiRoot()).hasToString("https://dojo.example.com/api/v2/");
        assertThat(c.readKey().reveal()).isEqualTo(KEY);
        assertThat(c.writeKey()).get().extracting(Secret::reveal).isEqualTo(KEY);
    }

    @Test
    void plainHttp_isRefused_namingTheVariable() {
        assertThatThrownBy(() -> DojoConnection.from(env("DEFECTDOJO_URL", "http://dojo.example.com",
                "DEFECTDOJO_API_KEY", KEY)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DEFECTDOJO_URL:")
                .hasMessageContaining("ALLOW_INSECURE_HTTP");
    }

    @Test
    void plainHttp_isAllowed_whenExplicitlyEnabled() {
        DojoConnection c = DojoConnection.from(env("DEFECTDOJO_URL", "http://127.0.0.1:8080",
                "DEFECTDOJO_API_KEY", KEY, "ALLOW_INSECURE_HTTP", "true"));
        assertThat(c.apiRoot()).hasToString("http://127.0.0.1:8080/api/v2/");
    }

    @Test
    void missingUrl_missingKey_andGarbage_areOneLineErrors() {
        assertThatThrownBy(() -> DojoConnection.from(env("DEFECTDOJO_API_KEY", KEY)))
                .hasMessage("DEFECTDOJO_URL: is not set");
        assertThatThrownBy(() -> DojoConnection.from(env("DEFECTDOJO_URL", "https://d.example")))
                .hasMessageStartingWith("DEFECTDOJO_API_KEY: is not set");
        assertThatThrownBy(() -> DojoConnection.from(env("DEFECTDOJO_URL", "not a url", "DEFECTDOJO_API_KEY", KEY)))
                .hasMessageStartingWith("DEFECTDOJO_URL:");
        assertThatThrownBy(() -> DojoConnection.from(env("DEFECTDOJO_URL", "ftp://d.example", "DEFECTDOJO_API_KEY", KEY)))
                .hasMessageStartingWith("DEFECTDOJO_URL:");
        assertThatThrownBy(() -> DojoConnection.from(env("DEFECTDOJO_URL", "https://user:pw@d.example",
                "DEFECTDOJO_API_KEY", KEY))).hasMessageStartingWith("DEFECTDOJO_URL:").hasMessageNotContaining("pw");
    }

    @Test
    void invalidValues_nameTheirVariable_andNeverEchoTheSecret() {
        assertThatThrownBy(() -> DojoConnection.from(env("DEFECTDOJO_URL", "https://d.example",
                "DEFECTDOJO_API_KEY", "abc def-secret")))
                .hasMessageStartingWith("DEFECTDOJO_API_KEY:").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> DojoConnection.from(env("DEFECTDOJO_URL", "https://d.example",
                "DEFECTDOJO_API_KEY", KEY, "DEFECTDOJO_TIMEOUT_SECONDS", "soon")))
                .hasMessageStartingWith("DEFECTDOJO_TIMEOUT_SECONDS:");
        assertThatThrownBy(() -> DojoConnection.from(env("DEFECTDOJO_URL", "https://d.example",
                "DEFECTDOJO_API_KEY", KEY, "ALLOW_INSECURE_HTTP", "maybe")))
                .hasMessageStartingWith("ALLOW_INSECURE_HTTP:");
        assertThatThrownBy(() -> DojoConnection.from(env("DEFECTDOJO_URL", "https://d.example",
                "DEFECTDOJO_API_KEY", KEY, "DEFECTDOJO_CA_FILE", "/nonexistent/ca.pem")))
                .hasMessageStartingWith("DEFECTDOJO_CA_FILE:");
    }

    @Test
    void readAndWriteKeyPair_areKeptApart() {
        DojoConnection c = DojoConnection.from(env("DEFECTDOJO_URL", "https://d.example",
                "DEFECTDOJO_READ_API_KEY", "reader", "DEFECTDOJO_WRITE_API_KEY", "writer"));
        assertThat(c.readKey().reveal()).isEqualTo("reader");
        assertThat(c.writeKey()).get().extracting(Secret::reveal).isEqualTo("writer");
        assertThat(c.readKey().toString()).doesNotContain("reader");
    }

    @Test
    void caFile_mustHoldAPemCertificate(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "hello");
        DojoConnection c = DojoConnection.from(env("DEFECTDOJO_URL", "https://d.example",
                "DEFECTDOJO_API_KEY", KEY, "DEFECTDOJO_CA_FILE", notPem.toString()));
        assertThat(c.caFile()).contains(notPem);
        assertThatThrownBy(() -> new dev.dojomcp.defectdojo.DojoHttp(c))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DEFECTDOJO_CA_FILE:");
    }
}
