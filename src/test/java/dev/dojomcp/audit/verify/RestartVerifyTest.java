package dev.dojomcp.audit.verify;

import static dev.dojomcp.audit.verify.AuditTrails.BOTH_KEYS;
import static dev.dojomcp.audit.verify.AuditTrails.KEY_ONE;
import static dev.dojomcp.audit.verify.AuditTrails.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.audit.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts continue one chain: resumed from the file, after a torn last line, and from the anchor file. */
class RestartVerifyTest {
    private final AuditVerifier verifier = new AuditVerifier(BOTH_KEYS, VERIFIER, false);

    private static void run(Path log, int records, String tag) throws IOException {
        try (AuditLog audit = AuditLog.open(AuditTrails.settings(log, KEY_ONE), Clock.systemUTC())) {
            AuditTrails.activity(audit, records, tag);
        }
    }

    private static List<Map<String, Object>> chainStarts(Path log) throws IOException {
        return AuditTrails.lines(log).stream().map(AuditTrails::parse)
                .filter(r -> "chain_start".equals(r.get("type"))).toList();
    }

    @Test
    void threeRestarts_verifyAsOneChain(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("audit.jsonl");
        for (int run = 0; run < 4; run++) {
            run(log, 3 + run, "r" + run);
        }

        assertThat(chainStarts(log)).extracting(r -> r.get("status"))
                .containsExactly("genesis", "resumed", "resumed", "resumed");
        VerifyResult result = verifier.verify(List.of(log, Path.of(log + ".checkpoints")));
        assertThat(result.failure()).isNull();
        assertThat(result.counts().records()).isEqualTo(AuditTrails.lines(log).size());
        assertThat(result.counts().keySegments()).isEqualTo(1);
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void crashTornLastLine_isCutOnRestart_noted_andTheChainVerifies(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("audit.jsonl");
        run(log, 6, "before");
        String half = AuditTrails.lines(log).get(2).substring(0, 50);
        Files.writeString(log, half, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<Path> files = List.of(log, Path.of(log + ".checkpoints"));
        Failure torn = verifier.verify(files).failure();
        assertThat(torn.reason()).isEqualTo(Reason.BAD_FORMAT);
        assertThat(torn.detail()).isEqualTo("the line does not end with a newline");

        run(log, 4, "after");

        assertThat(chainStarts(log).get(1)).containsEntry("status", "resumed").containsEntry("discarded_bytes", 50);
        assertThat(Files.readString(log)).doesNotContain(half + "{");
        VerifyResult result = verifier.verify(files);
        assertThat(result.failure()).isNull();
    }

    @Test
    void logRotatedWhileStopped_resumesFromTheAnchorFile_andVerifies(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("audit.jsonl");
        run(log, 5, "first");
        // logrotate's dateext name: not the audit.jsonl.1 the writer also looks at, so the anchor is what is left.
        Files.move(log, dir.resolve("audit.jsonl-20261123"));
        run(log, 5, "second");

        assertThat(chainStarts(log).get(0)).containsEntry("status", "resumed")
                .containsEntry("resumed_from", "checkpoint_file");
        VerifyResult result = verifier.verify(List.of(log, Path.of(log + ".checkpoints"),
                dir.resolve("audit.jsonl-20261123")));
        assertThat(result.failure()).isNull();
    }
}
