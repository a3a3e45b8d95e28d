package dev.dojomcp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.audit.verify.AuditVerifier;
import dev.dojomcp.audit.verify.VerifyResult;
import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.security.Caller;
import dev.dojomcp.security.Callers;
import dev.dojomcp.security.Role;
import dev.dojomcp.testing.HttpMcpClient;
import dev.dojomcp.testing.TestSecrets;
import dev.dojomcp.testing.TestServers;
import dev.dojomcp.transport.HttpTransport;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's audit stage end to end: what a session of calls leaves in the trail, and failing closed. */
class AuditTrailTest {
    static final HmacKey KEY = HmacKey.of("test-1", TestSecrets.AUDIT_HMAC_KEY);

    @TempDir
    Path dir;

    static AuditSettings settings(Path dir, HmacKey key, int checkpointEvery) {
        Path file = dir.resolve("audit.jsonl");
        return new AuditSettings(file, Path.of(file + ".checkpoints"), key,
                Ed25519.signer(TestSecrets.AUDIT_SIGNING_SEED), checkpointEvery, Duration.ofSeconds(600),
                AuditSettings.Fsync.MUTATIONS, List.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSessionOfMixedCalls_recordsWhoDidWhat_withFreeTextAsLengths_andChains() throws Exception {
        AuditSettings settings = settings(dir, KEY, 5);
        AuditLog audit = AuditLog.open(settings, Clock.systemUTC());
        long finding;
        String noteRequest;
        try (TestServers servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 20, 3),
                WriteSettings.defaults(), TestServers.security(), audit);
                HttpTransport http = HttpTransport.start(servers.runtime(),
                        HttpTransport.HttpOptions.loopback("127.0.0.1", 0), s -> { })) {
            McpSyncClient writer = McpClient.sync(HttpMcpClient.client(http, TestServers.WRITER_TOKEN))
                    .requestTimeout(Duration.ofSeconds(60)).build();
            McpSyncClient reader = McpClient.sync(HttpMcpClient.client(http, TestServers.READER_TOKEN))
                    .requestTimeout(Duration.ofSeconds(60)).build();
            try {
                writer.initialize();
                reader.initialize();
                CallToolResult list = writer.callTool(new CallToolRequest("get_findings", Map.of("limit", 3)));
                assertThat(list.isError()).isFalse();
                finding = servers.rest("findings/?limit=1").path("results").get(0).path("id").asLong();
                assertThat(writer.callTool(new CallToolRequest("get_finding_by_id", Map.of("finding_id", finding)))
                        .isError()).isFalse();
                CallToolResult note = writer.callTool(CallToolRequest.builder().name("add_finding_note")
                        .arguments(Map.of("finding_id", finding, "entry", "confirmed on staging, owner notified"))
                        .meta(Map.of("client_id", "agent-7")).build());
                assertThat(note.isError()).as(TestServers.text(note)).isFalse();
                CallToolResult denied = reader.callTool(new CallToolRequest("close_finding",
                        Map.of("finding_id", finding, "reason", "false_positive")));
                assertThat(TestServers.text(denied)).contains("permission denied");
            } finally {
                writer.closeGracefully();
                reader.closeGracefully();
            }
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http.port() + "/mcp"))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .header("Authorization", "Bearer not-a-valid-token-at-all")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
        } finally {
            audit.close("test over", Map.of());
        }

        List<Map<String, Object>> records = ChainCheck.assertIntact(settings.file(), KEY);
        assertThat(records.get(0)).containsEntry("type", "chain_start").containsEntry("status", "genesis");
        Map<String, Object> intent = only(records, "mutation_intent", "add_finding_note");
        Map<String, Object> call = only(records, "tool_call", "add_finding_note");
        assertThat(call.get("request_id")).isEqualTo(intent.get("request_id"));
        assertThat(records.indexOf(intent)).isLessThan(records.indexOf(call));
        assertThat(call).containsEntry("caller", "writer").containsEntry("role", "writer")
                .containsEntry("caller_kind", "service").containsEntry("outcome", "success")
                .containsEntry("write_outcome", "committed").containsEntry("mutation", true);
        assertThat(call.get("params")).isEqualTo(Map.of("finding_id", (int) finding,
                "entry", "<" + "confirmed on staging, owner notified".length() + " chars>"));
        assertThat(((Map<?, ?>) call.get("client")).get("reported_id")).isEqualTo("agent-7");
        assertThat((List<Object>) call.get("findings_read_before_mutation")).contains((Object) (int) finding);
        assertThat(((Number) call.get("findings_read_count")).intValue()).isGreaterThanOrEqualTo(4);
        assertThat(call.get("session")).asString().matches("[0-9a-f]{16}");

        Map<String, Object> refused = only(records, "tool_call", "close_finding");
        assertThat(refused).containsEntry("caller", "reader").containsEntry("outcome", "denied")
                .containsEntry("reason", "denied");
        assertThat(records).noneMatch(r -> "mutation_intent".equals(r.get("type")) && "close_finding".equals(r.get("tool")));
        assertThat(records).anyMatch(r -> "security".equals(r.get("type")) && "auth_failure".equals(r.get("event"))
                && "unknown token".equals(r.get("reason")));
        assertThat(records).filteredOn(r -> "checkpoint".equals(r.get("type"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(records.get(records.size() - 1)).containsEntry("type", "checkpoint");
        assertThat(records.get(records.size() - 2)).containsEntry("type", "lifecycle").containsEntry("event", "stop");
        assertThat(Files.readAllLines(settings.anchorFile()))
                .allMatch(line -> line.contains("\"type\":\"checkpoint\""))
                .hasSize((int) records.stream().filter(r -> "checkpoint".equals(r.get("type"))).count());
        assertBothVerifiersPass(List.of(settings.file(), settings.anchorFile()));
        String all = Files.readString(settings.file());
        assertThat(all).doesNotContain("confirmed on staging").doesNotContain(TestServers.WRITER_TOKEN)
                .doesNotContain("not-a-valid-token-at-all").doesNotContain(TestSecrets.AUDIT_HMAC_KEY);
    }

    @Test
    void whenTheAuditFileCannotBeWritten_changesAreRefusedBeforeDefectDojo_readsContinue_andItRecovers()
            throws Exception {
        AuditSettings settings = settings(dir, KEY, 100);
        AuditLog audit = AuditLog.open(settings, Clock.systemUTC());
        try (TestServers servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 5, 3),
                WriteSettings.defaults(), TestServers.security(), audit)) {
            long finding = servers.rest("findings/?limit=1").path("results").get(0).path("id").asLong();
            var pipeline = servers.runtime().pipeline();
            var note = servers.runtime().catalog().find("add_finding_note").orElseThrow();
            var read = servers.runtime().catalog().find("get_finding_by_id").orElseThrow();
            McpTransportContext writer = McpTransportContext.create(Map.of(Callers.KEY, Caller.service("writer", Role.WRITER)));

            Path moved = dir.resolve("audit.jsonl.1");
            Files.move(settings.file(), moved);
            Files.createDirectory(settings.file());
            CallToolResult refused = pipeline.call(note, Map.of("finding_id", finding, "entry", "blocked"), writer);
            assertThat(refused.isError()).isTrue();
            assertThat(TestServers.text(refused)).contains("the audit log cannot be written, so changes are refused");
            assertThat(servers.rest("findings/" + finding + "/notes/").path("notes").size()).isZero();
            assertThat(audit.healthy()).isFalse();
            assertThat(pipeline.call(read, Map.of("finding_id", finding), writer).isError()).as("reads continue").isFalse();

            Files.delete(settings.file());
            CallToolResult accepted = pipeline.call(note, Map.of("finding_id", finding, "entry", "ok now"), writer);
            assertThat(accepted.isError()).as(TestServers.text(accepted)).isFalse();
            assertThat(audit.healthy()).isTrue();
            assertThat(servers.rest("findings/" + finding + "/notes/").path("notes").size()).isEqualTo(1);
        } finally {
            audit.close("test over", Map.of());
        }
        List<Map<String, Object>> records = ChainCheck.assertIntact(List.of(dir.resolve("audit.jsonl.1"),
                settings.file()), KEY);
        assertThat(records).filteredOn(r -> "add_finding_note".equals(r.get("tool"))
                && "mutation_intent".equals(r.get("type"))).hasSize(1);
    }

    @Test
    void aRestart_resumesTheChain_aNewKeyId_startsASegmentLinkedToTheOldOne_andASecondWriterIsRefused()
            throws Exception {
        AuditSettings first = settings(dir, KEY, 100);
        try (AuditLog audit = AuditLog.open(first, Clock.systemUTC())) {
            audit.record("security", Map.of("event", "guard_warning", "detail", "one"));
            assertThatThrownBy(() -> AuditLog.open(first, Clock.systemUTC()))
                    .hasMessageContaining("another dojo-mcp process is writing this audit log");
        }
        try (AuditLog audit = AuditLog.open(first, Clock.systemUTC())) {
            audit.record("security", Map.of("event", "guard_warning", "detail", "two"));
        }
        HmacKey rotated = HmacKey.of("test-2", TestSecrets.AUDIT_HMAC_KEY.replace('5', '6'));
        try (AuditLog audit = AuditLog.open(settings(dir, rotated, 100), Clock.systemUTC())) {
            audit.record("security", Map.of("event", "guard_warning", "detail", "three"));
        }
        List<Map<String, Object>> records = ChainCheck.assertIntact(List.of(first.file()), KEY, rotated);
        List<Map<String, Object>> starts = records.stream().filter(r -> "chain_start".equals(r.get("type"))).toList();
        assertThat(starts).extracting(r -> r.get("status")).containsExactly("genesis", "resumed", "new_key");
        assertThat(starts.get(2)).containsEntry("prior_key_id", "test-1").containsEntry("key_id", "test-2");
        assertThat(((Number) starts.get(2).get("prior_seq")).longValue() + 1)
                .isEqualTo(((Number) starts.get(2).get("seq")).longValue());
    }

    @Test
    void withoutASigningKey_aLogRotatedWhileTheServerWasDown_continuesFromTheRotatedFile() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditSettings unsigned = new AuditSettings(file, Path.of(file + ".checkpoints"), KEY, null, 100,
                Duration.ofSeconds(600), AuditSettings.Fsync.NEVER, List.of());
        try (AuditLog audit = AuditLog.open(unsigned, Clock.systemUTC())) {
            audit.record("security", Map.of("event", "guard_warning", "detail", "before rotation"));
        }
        Files.move(file, dir.resolve("audit.jsonl.1"));
        try (AuditLog audit = AuditLog.open(unsigned, Clock.systemUTC())) {
            audit.record("security", Map.of("event", "guard_warning", "detail", "after rotation"));
        }
        List<Map<String, Object>> records = ChainCheck.assertIntact(List.of(dir.resolve("audit.jsonl.1"), file), KEY);
        assertThat(records).anyMatch(r -> "rotated_file".equals(r.get("resumed_from")) && "resumed".equals(r.get("status")));
    }

    @Test
    void aLineTornByACrash_isCut_andNoted() throws Exception {
        AuditSettings settings = settings(dir, KEY, 100);
        try (AuditLog audit = AuditLog.open(settings, Clock.systemUTC())) {
            audit.record("security", Map.of("event", "guard_warning", "detail", "before the crash"));
        }
        Files.writeString(settings.file(), "{\"v\":1,\"seq\":9", java.nio.file.StandardOpenOption.APPEND);
        try (AuditLog audit = AuditLog.open(settings, Clock.systemUTC())) {
            audit.record("security", Map.of("event", "guard_warning", "detail", "after"));
        }
        List<Map<String, Object>> records = ChainCheck.assertIntact(List.of(settings.file()), KEY);
        assertThat(records).anyMatch(r -> "resumed".equals(r.get("status"))
                && Objects.equals(14, r.get("discarded_bytes")));
    }

    /** `audit verify` and the independent Python verifier (when python3 is here) both accept the session's log. */
    private void assertBothVerifiersPass(List<Path> files) throws Exception {
        Ed25519.Verifier publicKey = Ed25519.verifier(Ed25519.signer(TestSecrets.AUDIT_SIGNING_SEED).publicKeyBase64());
        VerifyResult verified = new AuditVerifier(Map.of(KEY.id(), KEY), publicKey, false).verify(files);
        assertThat(verified.valid()).as(() -> verified.failure().describe()).isTrue();
        Path script = Path.of("tools/audit_verify.py");
        if (!Files.isRegularFile(script) || !python3Works()) {
            System.err.println("AuditTrailTest: python3 or tools/audit_verify.py missing: Python cross-check skipped");
            return;
        }
        Path keys = Files.writeString(dir.resolve("keys.txt"), KEY.id() + "=" + KEY.secret().reveal() + "\n");
        Path pub = Files.writeString(dir.resolve("audit.pub"), Ed25519.signer(TestSecrets.AUDIT_SIGNING_SEED)
                .publicKeyBase64() + "\n");
        List<String> command = new java.util.ArrayList<>(List.of("python3", script.toString()));
        files.forEach(f -> command.add(f.toString()));
        command.addAll(List.of("--key-file", keys.toString(), "--pubkey", pub.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith(verified.summary());
    }

    private static boolean python3Works() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Object> only(List<Map<String, Object>> records, String type, String tool) {
        List<Map<String, Object>> found = records.stream()
                .filter(r -> type.equals(r.get("type")) && tool.equals(r.get("tool"))).toList();
        assertThat(found).as(type + " " + tool).hasSize(1);
        return found.get(0);
    }
}
