package dev.dojomcp.audit.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS forwarding: JSON array batches, bearer token, retries through 503s, batch and flush limits. */
@Timeout(60)
class HttpsForwardingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOKEN = TestSecrets.AUDIT_FORWARD_TOKEN;

    @TempDir
    Path dir;

    private HttpsReceiver receiver;
    private AuditForwarders forwarders;

    @AfterEach
    void stop() {
        if (forwarders != null) {
            forwarders.close(Duration.ofMillis(500));
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private static List<Long> upTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    private Map<String, String> env(int batchSize) throws Exception {
        return Map.of("AUDIT_LOG_HTTPS_URL", receiver.url(), "AUDIT_LOG_HTTPS_TOKEN", TOKEN,
                "AUDIT_LOG_HTTPS_BATCH_SIZE", Integer.toString(batchSize), "AUDIT_LOG_HTTPS_FLUSH_SECS", "1",
                "AUDIT_LOG_HTTPS_CA", TestTls.get().caPem.toString());
    }

    @Test
    void f_g_unavailableThen200_everyRecordArrives_inBatches_withTheBearerToken_andOneFailedOneRestored()
            throws Exception {
        receiver = new HttpsReceiver(TestTls.get().server);
        receiver.failures.set(6);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        RecordingEvents events = new RecordingEvents(trail);
        forwarders = Forwarding.start(env(10), trail, events, Forwarding.FAST);
        trail.append(95);
        Poll.until(WAIT, () -> receiver.distinctDelivered().containsAll(upTo(95))
                && receiver.distinctDelivered().size() == trail.seq(),
                () -> "delivered " + receiver.distinctDelivered() + ", events " + events.all);

        assertThat(receiver.requests).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.seqs()).hasSizeBetween(1, 10);
        });
        assertThat(receiver.requests.stream().filter(r -> r.status() == 503).count()).isEqualTo(6);
        // Each array element is the exact line from the file.
        List<String> lines = Files.readAllLines(trail.file, StandardCharsets.UTF_8);
        HttpsReceiver.Request first = receiver.requests.stream().filter(r -> r.status() == 200).findFirst()
                .orElseThrow();
        assertThat(first.body()).isEqualTo("[" + first.seqs().stream().map(s -> lines.get((int) (s - 1)))
                .collect(Collectors.joining(",")) + "]");
        // Delivered in order, nothing twice (2xx is an acknowledgement).
        assertThat(receiver.delivered()).isSorted().doesNotHaveDuplicates();

        assertThat(events.of("failed")).hasSize(1);
        assertThat(events.of("failed").get(0).detail()).isEqualTo("http_503");
        assertThat(events.of("failed").get(0).a()).isEqualTo(1);
        assertThat(events.of("restored")).hasSize(1);
        assertThat(events.of("restored").get(0).a()).isBetween(10L, 95L);
    }

    @Test
    void aSmallBatch_waitsForTheFlushInterval_andCloseSendsWhatIsLeft() throws Exception {
        receiver = new HttpsReceiver(TestTls.get().server);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        forwarders = Forwarding.start(env(100), trail, ForwarderEvents.NONE, Forwarding.FAST);
        long t0 = System.nanoTime();
        trail.append(3);
        Poll.until(WAIT, () -> receiver.delivered().size() == 3, () -> receiver.delivered().toString());
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(900_000_000L);
        assertThat(receiver.requests).hasSize(1);

        trail.append(2);
        forwarders.close(Duration.ofSeconds(5)); // does not wait for the flush interval
        assertThat(receiver.delivered()).containsExactlyElementsOf(upTo(5));
        assertThat(Files.readString(AuditForwarders.cursorFile(trail.file, "https"))).contains("\"seq\":5");
        forwarders = null;
    }

    @Test
    void a4xx_isReportedAtOnce_andStillRetried() throws Exception {
        receiver = new HttpsReceiver(TestTls.get().server);
        receiver.failStatus = 401;
        receiver.failures.set(1);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        RecordingEvents events = new RecordingEvents(null);
        forwarders = Forwarding.start(env(10), trail, events, Forwarding.FAST);
        trail.append(10);
        Poll.until(WAIT, () -> receiver.delivered().size() == 10 && events.of("restored").size() == 1,
                () -> receiver.delivered() + " " + events.all);
        assertThat(events.of("failed")).extracting(RecordingEvents.Event::detail).containsExactly("http_401");
    }

    @Test
    void plainHttpToLoopback_works() throws Exception {
        receiver = new HttpsReceiver(null);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        forwarders = Forwarding.start(Map.of("AUDIT_LOG_HTTPS_URL", receiver.url(), "AUDIT_LOG_HTTPS_BATCH_SIZE", "2"),
                trail, ForwarderEvents.NONE, Forwarding.FAST);
        trail.append(6);
        Poll.until(WAIT, () -> receiver.delivered().size() == 6, () -> receiver.delivered().toString());
        assertThat(receiver.requests).allSatisfy(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void restart_resumesFromTheCursor_andRotatedFilesAreFollowed() throws Exception {
        receiver = new HttpsReceiver(TestTls.get().server);
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        forwarders = Forwarding.start(env(10), trail, ForwarderEvents.NONE, Forwarding.FAST);
        trail.append(20);
        trail.rotate();
        trail.append(20);
        Poll.until(WAIT, () -> receiver.delivered().size() == 40, () -> receiver.delivered().toString());
        forwarders.close(Duration.ofSeconds(5));
        trail.onAppend(() -> { });
        trail.append(5);
        trail.rotate();
        trail.append(5);
        forwarders = Forwarding.start(env(10), trail, ForwarderEvents.NONE, Forwarding.FAST);
        Poll.until(WAIT, () -> receiver.delivered().size() >= 50, () -> receiver.delivered().toString());
        assertThat(receiver.delivered()).containsExactlyElementsOf(upTo(50));
    }
}
