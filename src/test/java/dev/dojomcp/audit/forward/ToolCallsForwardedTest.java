package dev.dojomcp.audit.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.audit.AuditLog;
import dev.dojomcp.audit.AuditSettings;
import dev.dojomcp.audit.Ed25519;
import dev.dojomcp.audit.ForwarderAuditEvents;
import dev.dojomcp.audit.HmacKey;
import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.security.Caller;
import dev.dojomcp.security.Callers;
import dev.dojomcp.security.Role;
import dev.dojomcp.testing.TestSecrets;
import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.common.McpTransportContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way: real tool calls through the pipeline into the audit file, forwarded to a TLS syslog receiver
 * and an HTTPS receiver that are both down for a stretch of calls; afterwards each holds every record of the
 * file, duplicates only by seq, and the trail itself records the outage and the recovery.
 */
class ToolCallsForwardedTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern SEQ = Pattern.compile("\"seq\":([0-9]+)");

    @TempDir
    Path dir;

    @Test
    void receiversDownForAStretchOfToolCalls_thenBack_endWithEveryRecord() throws Exception {
        TestTls tls = TestTls.get();
        SyslogReceiver syslog = new SyslogReceiver(tls.server).start(0);
        syslog.kill(0);
        HttpsReceiver https = new HttpsReceiver(tls.server);
        https.failures.set(Integer.MAX_VALUE);
        Path file = dir.resolve("audit.jsonl");
        AuditLog audit = AuditLog.open(new AuditSettings(file, Path.of(file + ".checkpoints"),
                HmacKey.of("test-1", TestSecrets.AUDIT_HMAC_KEY), Ed25519.signer(TestSecrets.AUDIT_SIGNING_SEED), 10,
                Duration.ofSeconds(600), AuditSettings.Fsync.MUTATIONS, List.of()), Clock.systemUTC());
        ForwardSettings settings = Forwarding.settings(Map.of(
                "AUDIT_LOG_SYSLOG", "tls://127.0.0.1:" + syslog.port(), "AUDIT_LOG_SYSLOG_CA", tls.caPem.toString(),
                "AUDIT_LOG_HTTPS_URL", https.url(), "AUDIT_LOG_HTTPS_TOKEN", TestSecrets.AUDIT_FORWARD_TOKEN,
                "AUDIT_LOG_HTTPS_CA", tls.caPem.toString(), "AUDIT_LOG_HTTPS_BATCH_SIZE", "7",
                "AUDIT_LOG_HTTPS_FLUSH_SECS", "1"), file);
        AuditForwarders forwarders = new AuditForwarders(settings, file, new ForwarderAuditEvents(audit),
                Forwarding.FAST);
        audit.onAppend(forwarders::wake);
        forwarders.start();
        try (TestServers servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 10, 3),
                WriteSettings.defaults(), TestServers.security(), audit)) {
            var pipeline = servers.runtime().pipeline();
            var read = servers.runtime().catalog().find("get_finding_by_id").orElseThrow();
            var note = servers.runtime().catalog().find("add_finding_note").orElseThrow();
            McpTransportContext writer = McpTransportContext.create(Map.of(Callers.KEY,
                    Caller.service("writer", Role.WRITER)));
            long finding = servers.rest("findings/?limit=1").path("results").get(0).path("id").asLong();

            for (int i = 0; i < 15; i++) {
                pipeline.call(read, Map.of("finding_id", finding), writer);
                pipeline.call(note, Map.of("finding_id", finding, "entry", "while the SIEM is down " + i), writer);
            }
            Poll.until(WAIT, () -> count(file, "\"event\":\"delivery_failed\"") == 2, () -> "no outage recorded yet");

            syslog.start();
            https.failures.set(0);
            for (int i = 0; i < 10; i++) {
                pipeline.call(read, Map.of("finding_id", finding), writer);
                pipeline.call(note, Map.of("finding_id", finding, "entry", "SIEM back " + i), writer);
            }
            Poll.until(WAIT, () -> count(file, "\"event\":\"delivery_restored\"") == 2, () -> "no recovery recorded");
        } finally {
            audit.close("test over", Map.of());
            forwarders.close(Duration.ofSeconds(10));
        }
        Set<Long> inFile = seqs(Files.readString(file));
        assertThat(inFile).hasSizeGreaterThan(80);
        Poll.until(WAIT, () -> syslog.distinctSeqs().containsAll(inFile) && https.distinctDelivered().containsAll(inFile),
                () -> "syslog missing " + missing(inFile, syslog.distinctSeqs()) + ", https missing "
                        + missing(inFile, https.distinctDelivered()));
        assertThat(syslog.distinctSeqs()).isEqualTo(inFile);
        assertThat(https.distinctDelivered()).isEqualTo(inFile);
        assertThat(https.requests).filteredOn(r -> r.status() == 200)
                .allMatch(r -> ("Bearer " + TestSecrets.AUDIT_FORWARD_TOKEN).equals(r.authorization()))
                .allMatch(r -> r.seqs().size() <= 7);
        // Every copy a receiver got is byte-identical to the line in the file (duplicates only by seq).
        List<String> lines = Files.readAllLines(file);
        assertThat(syslog.messages()).allMatch(m -> lines.contains(m.msg()));
        syslog.close();
        https.close();
    }

    private static long count(Path file, String needle) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.contains(needle)).count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static Set<Long> seqs(String text) {
        Set<Long> out = new TreeSet<>();
        for (String line : text.split("\n")) {
            Matcher m = SEQ.matcher(line);
            if (m.find()) {
                out.add(Long.parseLong(m.group(1)));
            }
        }
        return out;
    }

    private static Set<Long> missing(Set<Long> all, Set<Long> got) {
        Set<Long> out = new TreeSet<>(all);
        out.removeAll(got);
        return out;
    }
}
