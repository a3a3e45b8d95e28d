package dev.dojomcp.audit.verify;

import dev.dojomcp.audit.AuditLog;
import dev.dojomcp.audit.AuditSettings;
import dev.dojomcp.audit.Ed25519;
import dev.dojomcp.audit.HmacKey;
import dev.dojomcp.testing.TestSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real audit trails written by {@link AuditLog}, and the line edits the tamper tests make to copies of them. */
final class AuditTrails {
    static final HmacKey KEY_ONE = HmacKey.of("k-one", TestSecrets.AUDIT_HMAC_KEY_ONE);
    static final HmacKey KEY_TWO = HmacKey.of("k-two", TestSecrets.AUDIT_HMAC_KEY_TWO);
    static final Ed25519.Signer SIGNER = Ed25519.signer(TestSecrets.AUDIT_SIGNING_SEED);
    static final Ed25519.Verifier VERIFIER = Ed25519.verifier(SIGNER.publicKeyBase64());
    static final Map<String, HmacKey> BOTH_KEYS = Map.of(KEY_ONE.id(), KEY_ONE, KEY_TWO.id(), KEY_TWO);

    /** A rotated log file, the current one, and the checkpoint (anchor) file. */
    record Trail(Path rotated, Path current, Path anchor) {
        List<Path> files() {
            return List.of(rotated, current, anchor);
        }

        Trail copyTo(Path dir) throws IOException {
            Files.createDirectories(dir);
            Trail copy = new Trail(dir.resolve(rotated.getFileName()), dir.resolve(current.getFileName()),
                    dir.resolve(anchor.getFileName()));
            Files.copy(rotated, copy.rotated, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(current, copy.current, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(anchor, copy.anchor, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
    }

    private AuditTrails() {
    }

    static AuditSettings settings(Path log, HmacKey key) {
        return new AuditSettings(log, Path.of(log + ".checkpoints"), key, SIGNER, 5, Duration.ofHours(1),
                AuditSettings.Fsync.NEVER, List.of());
    }

    /**
     * Three server runs: k-one (13 records and its checkpoints), k-one again (resumed; logrotate renames
     * the file to audit.jsonl.1 after 7 records, 6 more go to a new audit.jsonl), then k-two (new_key).
     */
    static Trail standard(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path log = dir.resolve("audit.jsonl");
        try (AuditLog first = AuditLog.open(settings(log, KEY_ONE), Clock.systemUTC())) {
            activity(first, 13, "a");
        }
        AuditLog second = AuditLog.open(settings(log, KEY_ONE), Clock.systemUTC());
        activity(second, 7, "b");
        Files.move(log, dir.resolve("audit.jsonl.1"));
        activity(second, 6, "c");
        second.close("shutdown", Map.of("calls", 13));
        try (AuditLog third = AuditLog.open(settings(log, KEY_TWO), Clock.systemUTC())) {
            activity(third, 4, "d");
        }
        return new Trail(dir.resolve("audit.jsonl.1"), log, dir.resolve("audit.jsonl.checkpoints"));
    }

    /** Records of every kind, with text that exercises the canonical form (escapes, non-ASCII, emoji). */
    static void activity(AuditLog log, int n, String tag) {
        for (int i = 0; i < n; i++) {
            String requestId = tag + "-" + i;
            switch (i % 4) {
                case 0 -> log.record("tool_call", Map.of("tool", "list_findings", "request_id", requestId,
                        "caller", "stdio", "role", "reader", "session", "0123456789abcdef",
                        "params", Map.of("title", "Ünïcödé \"quoted\" \\ back/slash\n\ttab 😀 </script> \u007f\u0001",
                                "limit", 25, "active", true),
                        "outcome", "success", "duration_ms", 12 + i, "mutation", false));
                case 1 -> log.recordDurably("mutation_intent", Map.of("tool", "close_finding",
                        "request_id", requestId, "caller", "dojo-key:0011223344556677",
                        "params", Map.of("finding_id", 4200 + i, "note", "<12 chars>")));
                case 2 -> {
                    Map<String, Object> fields = new HashMap<>();
                    fields.put("tool", "close_finding");
                    fields.put("request_id", requestId);
                    fields.put("caller", null);
                    fields.put("client", Map.of("reported_id", "cli€nt", "name", "test", "version", "1.0"));
                    fields.put("outcome", "denied");
                    fields.put("reason", "role reader may not write");
                    fields.put("mutation", true);
                    fields.put("findings_read_before_mutation", List.of(3, 1, 2));
                    fields.put("findings_read_count", 3);
                    log.record("tool_call", fields);
                }
                default -> log.record("security", Map.of("event", "guard_warning", "detail", "check " + requestId));
            }
        }
    }

    static List<String> lines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static void write(Path file, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Map<String, Object> parse(String line) {
        return new LinkedHashMap<>(Jcs.object(line));
    }

    /** The record as a line again, with its hmac recomputed under {@code key}. */
    static String reseal(Map<String, Object> record, HmacKey key) {
        record.remove("hmac");
        record.put("hmac", key.mac(Jcs.of(record)));
        return Jcs.of(record);
    }

    /** 1-based number of the first line of {@code file} whose record has this type. */
    static int firstLineOfType(Path file, String type, int from) throws IOException {
        List<String> lines = lines(file);
        for (int i = from - 1; i < lines.size(); i++) {
            if (type.equals(parse(lines.get(i)).get("type"))) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no " + type + " in " + file + " from line " + from);
    }

    static long seq(String line) {
        return ((Number) parse(line).get("seq")).longValue();
    }
}
