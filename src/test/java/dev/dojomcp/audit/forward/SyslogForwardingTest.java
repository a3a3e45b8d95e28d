package dev.dojomcp.audit.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TCP, TLS and UDP syslog forwarding from the audit file, against loopback receivers. */
@Timeout(60)
class SyslogForwardingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private SyslogReceiver receiver;
    private AuditForwarders forwarders;

    @AfterEach
    void stop() throws Exception {
        if (forwarders != null) {
            forwarders.close(Duration.ofMillis(500));
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private static Set<Long> upTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private void awaitAll(SyslogReceiver r, long n) {
        Poll.until(WAIT, () -> r.distinctSeqs().containsAll(upTo(n)),
                () -> "missing " + missing(r.distinctSeqs(), n) + ", errors " + r.errors);
    }

    private static Set<Long> missing(Set<Long> have, long n) {
        Set<Long> m = upTo(n);
        m.removeAll(have);
        return m;
    }

    private Map<String, String> tcp(int port) {
        return Map.of("AUDIT_LOG_SYSLOG", "tcp://127.0.0.1:" + port);
    }

    @Test
    void a_receiverUp_everyRecordArrivesInOrder_asRfc5424WithOctetCounting() throws Exception {
        receiver = new SyslogReceiver(null).start(0);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        trail.append(3);
        forwarders = Forwarding.start(tcp(receiver.port()), trail, ForwarderEvents.NONE, Forwarding.FAST);
        trail.appendRecord("security", "\"event\":\"auth_failure\"");
        trail.appendRecord("tool_call", "\"outcome\":\"denied\"");
        trail.appendRecord("tool_call", "\"outcome\":\"rate_limited\"");
        trail.append(44);
        awaitAll(receiver, 50);

        List<SyslogReceiver.Message> ms = receiver.messages();
        assertThat(receiver.errors).isEmpty();
        assertThat(ms).extracting(SyslogReceiver.Message::seq).containsExactlyElementsOf(upTo(50));
        List<String> lines = Files.readAllLines(trail.file, StandardCharsets.UTF_8);
        for (int i = 0; i < 50; i++) {
            SyslogReceiver.Message m = ms.get(i);
            assertThat(m.msg()).isEqualTo(lines.get(i)); // byte-exact audit line, no BOM, no newline
            assertThat(m.declaredLength()).isEqualTo(("<" + m.pri() + ">1 " + m.timestamp() + " " + m.host() + " "
                    + m.app() + " " + m.procId() + " " + m.msgId() + " - " + m.msg())
                    .getBytes(StandardCharsets.UTF_8).length);
            assertThat(m.app()).isEqualTo("dojo-mcp");
            assertThat(m.procId()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(m.sd()).isEqualTo("-");
            assertThat(m.timestamp()).isEqualTo(lines.get(i).replaceAll(".*\"time\":\"([^\"]+)\".*", "$1"));
        }
        assertThat(ms.get(0).msgId()).isEqualTo("tool_call");
        assertThat(ms.get(0).pri()).isEqualTo(16 * 8 + 6);
        assertThat(ms.get(3).msgId()).isEqualTo("security");
        assertThat(ms.get(3).pri()).isEqualTo(16 * 8 + 4);
        assertThat(ms.get(4).pri()).isEqualTo(16 * 8 + 4);
        assertThat(ms.get(5).pri()).isEqualTo(16 * 8 + 4);
        assertThat(ms.get(6).pri()).isEqualTo(16 * 8 + 6);
    }

    @Test
    void b_g_receiverDownForAStretch_thenBack_everySeqArrives_withOneFailedAndOneRestoredEvent() throws Exception {
        receiver = new SyslogReceiver(null).start(0);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        // The events are written to the trail and forwarded, as the real writer does: no feedback loop.
        RecordingEvents events = new RecordingEvents(trail);
        forwarders = Forwarding.start(tcp(receiver.port()), trail, events, Forwarding.FAST);
        trail.append(20);
        awaitAll(receiver, 20);

        receiver.kill(0);
        trail.append(40);
        Poll.until(WAIT, () -> !events.of("failed").isEmpty(), () -> "events " + events.all);
        // Several probes fail while the breaker is open (150 ms): still one event.
        long probesUntil = System.nanoTime() + 700_000_000L;
        Poll.until(WAIT, () -> System.nanoTime() - probesUntil > 0, () -> "");
        trail.append(5);
        receiver.start();
        trail.append(20);
        Poll.until(WAIT, () -> receiver.messages().stream().filter(m -> m.msgId().equals("forwarder")).count() == 2,
                () -> "events " + events.all);
        long last = trail.seq();
        awaitAll(receiver, last);

        assertThat(events.of("failed")).hasSize(1);
        assertThat(events.of("failed").get(0).sink()).isEqualTo("syslog");
        assertThat(events.of("failed").get(0).detail()).isEqualTo("ConnectException");
        assertThat(events.of("failed").get(0).a()).isBetween(1L, 21L);
        assertThat(events.of("restored")).hasSize(1);
        assertThat(events.of("gap")).isEmpty();
        assertThat(receiver.messages()).filteredOn(m -> m.msgId().equals("forwarder")).hasSize(2);
    }

    @Test
    void c_receiverKilledMidStream_losingWhatItHadNotStored_getsEverySeqAfterRestart() throws Exception {
        receiver = new SyslogReceiver(null).start(0);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        RecordingEvents events = new RecordingEvents(null);
        forwarders = Forwarding.start(tcp(receiver.port()), trail, events, Forwarding.withSettle(Duration.ofSeconds(2)));
        trail.append(30);
        awaitAll(receiver, 30);
        // Dies having read the last records but not stored them (anything from the last 1.5 s: all 30).
        receiver.kill(1500);
        assertThat(receiver.distinctSeqs()).doesNotContain(30L);
        trail.append(10);
        receiver.start();
        trail.append(10);
        awaitAll(receiver, 50);
        assertThat(receiver.accepted).isGreaterThanOrEqualTo(2);
        assertThat(receiver.errors).isEmpty();
    }

    @Test
    void c2_receiverKilledWhileIdle_theRecordsItLostAreSentAgain_withoutNewTraffic() throws Exception {
        receiver = new SyslogReceiver(null).start(0);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        forwarders = Forwarding.start(tcp(receiver.port()), trail, ForwarderEvents.NONE,
                Forwarding.withSettle(Duration.ofSeconds(5)));
        trail.append(15);
        awaitAll(receiver, 15);
        receiver.kill(4000);
        receiver.start();
        awaitAll(receiver, 15);
    }

    @Test
    void d_forwarderRestarted_resumesFromItsCursor_withoutLossAndWithoutStartingOver() throws Exception {
        receiver = new SyslogReceiver(null).start(0);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        forwarders = Forwarding.start(tcp(receiver.port()), trail, ForwarderEvents.NONE, Forwarding.FAST);
        trail.append(25);
        awaitAll(receiver, 25);
        forwarders.close(Duration.ofSeconds(5));
        Path cursor = AuditForwarders.cursorFile(trail.file, "syslog");
        assertThat(Files.readString(cursor)).contains("\"seq\":25");

        trail.onAppend(() -> { });
        trail.append(10); // written while no forwarder runs
        forwarders = Forwarding.start(tcp(receiver.port()), trail, ForwarderEvents.NONE, Forwarding.FAST);
        trail.append(5);
        awaitAll(receiver, 40);
        // The graceful close confirmed everything: the second run sent nothing twice.
        assertThat(receiver.seqs()).hasSize(40);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void close_halfClosesAndWaitsForTheReceiver_soUnsettledRecordsAreNotSentAgain(boolean tls) throws Exception {
        TestTls certs = TestTls.get();
        receiver = new SyslogReceiver(tls ? certs.server : null).start(0);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        Map<String, String> env = tls ? Map.of("AUDIT_LOG_SYSLOG", "tls://127.0.0.1:" + receiver.port(),
                "AUDIT_LOG_SYSLOG_CA", certs.caPem.toString()) : tcp(receiver.port());
        forwarders = Forwarding.start(env, trail, ForwarderEvents.NONE, Forwarding.withSettle(Duration.ofSeconds(30)));
        trail.append(5);
        awaitAll(receiver, 5);
        long t0 = System.nanoTime();
        forwarders.close(Duration.ofSeconds(10));
        forwarders = null;
        assertThat(System.nanoTime() - t0).as("close time").isLessThan(3_000_000_000L);
        // Nothing settled (30 s): only the receiver closing after our half-close confirms the five records.
        assertThat(Files.readString(AuditForwarders.cursorFile(trail.file, "syslog"))).contains("\"seq\":5");
    }

    @Test
    void e_logrotateWhileForwarding_andWhileStopped_losesNothing() throws Exception {
        receiver = new SyslogReceiver(null).start(0);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        forwarders = Forwarding.start(tcp(receiver.port()), trail, ForwarderEvents.NONE, Forwarding.FAST);
        for (int round = 0; round < 5; round++) {
            trail.append(12);
            trail.rotate();
        }
        trail.append(3);
        awaitAll(receiver, 63);
        forwarders.close(Duration.ofSeconds(5));

        // Stopped; two rotations later the cursor's file is audit.jsonl.3.
        trail.onAppend(() -> { });
        trail.append(4);
        trail.rotate();
        trail.append(4);
        trail.rotate();
        trail.append(4);
        forwarders = Forwarding.start(tcp(receiver.port()), trail, ForwarderEvents.NONE, Forwarding.FAST);
        awaitAll(receiver, 75);
        assertThat(receiver.seqs()).hasSize(75);
        assertThat(receiver.seqs()).isSorted();
    }

    @Test
    void tls_withTheTestCa_everyRecordArrives() throws Exception {
        TestTls tls = TestTls.get();
        receiver = new SyslogReceiver(tls.server).start(0);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        RecordingEvents events = new RecordingEvents(null);
        forwarders = Forwarding.start(Map.of("AUDIT_LOG_SYSLOG", "127.0.0.1:" + receiver.port(),
                "AUDIT_LOG_SYSLOG_CA", tls.caPem.toString()), trail, events, Forwarding.FAST);
        trail.append(30);
        awaitAll(receiver, 30);
        receiver.kill(0);
        trail.append(10);
        receiver.start();
        awaitAll(receiver, 40);
        assertThat(receiver.errors).isEmpty();
        // Settled over TLS (the 1 ms liveness read must not break the TLS connection).
        forwarders.close(Duration.ofSeconds(5));
        forwarders = null;
        assertThat(Files.readString(AuditForwarders.cursorFile(trail.file, "syslog"))).contains("\"seq\":40");
    }

    @Test
    void tls_withoutTheCa_isRefused_andReported_andNothingIsSent() throws Exception {
        TestTls tls = TestTls.get();
        receiver = new SyslogReceiver(tls.server).start(0);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        RecordingEvents events = new RecordingEvents(null);
        forwarders = Forwarding.start(Map.of("AUDIT_LOG_SYSLOG", "tls://127.0.0.1:" + receiver.port()), trail,
                events, Forwarding.FAST);
        trail.append(5);
        Poll.until(WAIT, () -> !events.of("failed").isEmpty(), () -> "events " + events.all);
        assertThat(events.of("failed").get(0).detail()).isEqualTo("SSLHandshakeException");
        assertThat(events.of("failed").get(0).a()).isEqualTo(1);
        assertThat(receiver.messages()).isEmpty();
        assertThat(AuditForwarders.cursorFile(trail.file, "syslog")).doesNotExist();
    }

    @Test
    void aReceiverThatStopsReading_isCutOffByTheWriteTimeout_reported_andCloseDoesNotHang() throws Exception {
        List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (java.net.ServerSocket silent = new java.net.ServerSocket()) {
            silent.setReceiveBufferSize(4096);
            silent.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            Thread accept = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepted, never read
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
            Tuning t = Forwarding.FAST;
            Tuning shortWrites = new Tuning(t.poll(), t.initialBackoff(), t.maxBackoff(), t.breakerFailures(),
                    t.breakerOpen(), t.settle(), t.maxWindow(), t.connectTimeout(), Duration.ofMillis(300),
                    t.persistEvery());
            TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
            RecordingEvents events = new RecordingEvents(null);
            forwarders = Forwarding.start(tcp(silent.getLocalPort()), trail, events, shortWrites);
            String pad = "\"pad\":\"" + "x".repeat(8000) + "\"";
            for (int i = 0; i < 1500; i++) {
                trail.appendRecord("tool_call", pad);
            }
            Poll.until(WAIT, () -> !events.of("failed").isEmpty(), () -> "events " + events.all);
            assertThat(events.of("failed").get(0).a()).isEqualTo(1);
            long t0 = System.nanoTime();
            forwarders.close(Duration.ofMillis(200));
            forwarders = null;
            assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
            assertThat(AuditForwarders.cursorFile(trail.file, "syslog")).doesNotExist();
        } finally {
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void udp_smoke_oneDatagramPerRecord() throws Exception {
        try (UdpReceiver udp = new UdpReceiver()) {
            TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
            forwarders = Forwarding.start(Map.of("AUDIT_LOG_SYSLOG", "udp://127.0.0.1:" + udp.port()), trail,
                    ForwarderEvents.NONE, Forwarding.FAST);
            trail.append(5);
            Poll.until(WAIT, () -> udp.messages().size() >= 5, () -> udp.messages().toString());
            List<String> lines = Files.readAllLines(trail.file, StandardCharsets.UTF_8);
            assertThat(udp.messages().get(0)).startsWith("<134>1 ").contains(" dojo-mcp ")
                    .endsWith(" tool_call - " + lines.get(0));
        }
    }
}
