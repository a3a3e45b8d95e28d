package dev.dojomcp.audit.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.Environment;
import dev.dojomcp.security.LogRedaction;
import dev.dojomcp.testing.TestSecrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardSettingsTest {
    private static final Path FILE = Path.of("/var/log/dojo-mcp/audit.jsonl");
    private static final String TOKEN = TestSecrets.AUDIT_FORWARD_TOKEN;

    private static ForwardSettings from(Map<String, String> env) {
        return ForwardSettings.from(Environment.of(env), FILE);
    }

    @Test
    void nothingConfigured_forwardsNothing_andNeedsNoAuditFile() {
        ForwardSettings s = ForwardSettings.from(Environment.of(Map.of()), null);
        assertThat(s.any()).isFalse();
    }

    @Test
    void syslogTargets_defaultToTls_withTheStandardPorts() {
        assertThat(from(Map.of("AUDIT_LOG_SYSLOG", "siem.example.com")).syslog().orElseThrow())
                .hasToString("tls://siem.example.com:6514");
        assertThat(from(Map.of("AUDIT_LOG_SYSLOG", "tcp://siem.example.com")).syslog().orElseThrow())
                .hasToString("tcp://siem.example.com:514");
        assertThat(from(Map.of("AUDIT_LOG_SYSLOG", "UDP://10.0.0.5")).syslog().orElseThrow())
                .hasToString("udp://10.0.0.5:514");
        assertThat(from(Map.of("AUDIT_LOG_SYSLOG", "tls://[2001:db8::1]:1514")).syslog().orElseThrow())
                .hasToString("tls://[2001:db8::1]:1514");
        assertThat(from(Map.of("AUDIT_LOG_SYSLOG", "siem.example.com:10514")).syslog().orElseThrow().port())
                .isEqualTo(10514);
    }

    @Test
    void badSyslogTargets_areRefused() {
        for (String bad : new String[] {"ftp://siem", "siem:0", "siem:70000", "siem:abc", "::1", "[::1", "a b",
                "tcp://", "siem/path", "user@siem"}) {
            assertThatThrownBy(() -> from(Map.of("AUDIT_LOG_SYSLOG", bad))).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageStartingWith("AUDIT_LOG_SYSLOG:")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad));
        }
    }

    @Test
    void https_defaults_andTheTokenIsRegisteredForRedaction() {
        ForwardSettings.Https h = from(Map.of("AUDIT_LOG_HTTPS_URL", "https://siem.example.com/in?index=audit",
                "AUDIT_LOG_HTTPS_TOKEN", TOKEN)).https().orElseThrow();
        assertThat(h.batchSize()).isEqualTo(100);
        assertThat(h.flush()).isEqualTo(Duration.ofSeconds(5));
        assertThat(h.token().orElseThrow().reveal()).isEqualTo(TOKEN);
        assertThat(h.toString()).doesNotContain(TOKEN).doesNotContain("index=audit");
        assertThat(LogRedaction.redact("sent " + TOKEN)).isEqualTo("sent " + LogRedaction.LITERAL_MARK);
    }

    @Test
    void plainHttp_onlyToLoopback_withAWarning() {
        ForwardSettings s = from(Map.of("AUDIT_LOG_HTTPS_URL", "http://127.0.0.1:8088/audit"));
        assertThat(s.warnings()).singleElement().asString().contains("AUDIT_LOG_HTTPS_URL").contains("loopback");
        assertThat(from(Map.of("AUDIT_LOG_HTTPS_URL", "http://localhost/audit")).https()).isPresent();
        assertThat(from(Map.of("AUDIT_LOG_HTTPS_URL", "http://[::1]:8088/audit")).https()).isPresent();
        for (String bad : new String[] {"http://siem.example.com/a", "http://127.0.0.1.example.com/", "ftp://x/",
                "https://user:pw@siem/", "https://siem/#frag", "https:///nohost"}) {
            assertThatThrownBy(() -> from(Map.of("AUDIT_LOG_HTTPS_URL", bad))).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageStartingWith("AUDIT_LOG_HTTPS_URL:");
        }
    }

    @Test
    void aBadToken_isRefused_withoutEchoingIt() {
        String bad = TOKEN + " extra";
        assertThatThrownBy(() -> from(Map.of("AUDIT_LOG_HTTPS_URL", "https://siem/", "AUDIT_LOG_HTTPS_TOKEN", bad)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("AUDIT_LOG_HTTPS_TOKEN:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        assertThatThrownBy(() -> from(Map.of("AUDIT_LOG_HTTPS_TOKEN", TOKEN)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("AUDIT_LOG_HTTPS_TOKEN:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void caFiles_areParsedAtStartUp() throws Exception {
        Path ca = TestTls.get().caPem;
        assertThat(from(Map.of("AUDIT_LOG_SYSLOG", "siem", "AUDIT_LOG_SYSLOG_CA", ca.toString())).syslog()
                .orElseThrow().caFile()).contains(ca);
        assertThatThrownBy(() -> from(Map.of("AUDIT_LOG_SYSLOG", "tcp://siem", "AUDIT_LOG_SYSLOG_CA", ca.toString())))
                .hasMessageStartingWith("AUDIT_LOG_SYSLOG_CA:");
        Path notPem = Path.of("pom.xml").toAbsolutePath();
        assertThatThrownBy(() -> from(Map.of("AUDIT_LOG_SYSLOG", "siem", "AUDIT_LOG_SYSLOG_CA", notPem.toString())))
                .hasMessageStartingWith("AUDIT_LOG_SYSLOG_CA: ").hasMessageContaining("PEM");
        assertThatThrownBy(() -> from(Map.of("AUDIT_LOG_HTTPS_URL", "http://127.0.0.1/", "AUDIT_LOG_HTTPS_CA",
                ca.toString()))).hasMessageStartingWith("AUDIT_LOG_HTTPS_CA:");
    }

    @Test
    void everyGuard_refusesItsExample_withOneLineNamingTheVariable_withOrWithoutAnAuditFile() {
        for (ForwardSettings.GuardExample g : ForwardSettings.GUARDS) {
            Environment env = Environment.of(new HashMap<>(g.example()));
            assertThatThrownBy(() -> ForwardSettings.from(env, null)).as(g.variable())
                    .isInstanceOf(ConfigException.class).hasMessageStartingWith(g.variable() + ":")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            if (!g.variable().equals(ForwardSettings.AUDIT_LOG_FILE)) {
                assertThatThrownBy(() -> ForwardSettings.from(env, FILE)).as(g.variable())
                        .hasMessageStartingWith(g.variable() + ":");
            }
        }
        assertThat(ForwardSettings.GUARDS).extracting(ForwardSettings.GuardExample::variable).contains(
                "AUDIT_LOG_SYSLOG", "AUDIT_LOG_SYSLOG_CA", "AUDIT_LOG_HTTPS_URL", "AUDIT_LOG_HTTPS_TOKEN",
                "AUDIT_LOG_HTTPS_BATCH_SIZE", "AUDIT_LOG_HTTPS_FLUSH_SECS", "AUDIT_LOG_HTTPS_CA", "AUDIT_LOG_FILE");
    }
}
