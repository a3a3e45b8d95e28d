package dev.dojomcp.bench;

import dev.dojomcp.audit.AuditLog;
import dev.dojomcp.audit.AuditSettings;
import dev.dojomcp.audit.Ed25519;
import dev.dojomcp.audit.HmacKey;
import dev.dojomcp.config.Transport;
import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.sandbox.SandboxServer;
import dev.dojomcp.security.Caller;
import dev.dojomcp.security.Callers;
import dev.dojomcp.security.Role;
import dev.dojomcp.server.ServerRuntime;
import dev.dojomcp.testing.TestSecrets;
import dev.dojomcp.testing.TestServers;
import dev.dojomcp.tools.ToolSpec;
import io.modelcontextprotocol.common.McpTransportContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * (e) What the audit trail costs: the tool pipeline with and without it (interleaved, same ids), and
 * sealing + appending one record with and without a forced write to disk. Files in a temporary folder,
 * bounded counts.
 */
final class AuditBench {
    private AuditBench() {
    }

    static void run(SandboxServer sandbox, String key, int findings, int iterations, StringBuilder report,
            Consumer<String> log) throws Exception {
        Path dir = Files.createTempDirectory("dojo-mcp-audit-bench");
        HmacKey hmac = HmacKey.of("bench", TestSecrets.AUDIT_HMAC_KEY);
        Ed25519.Signer signer = Ed25519.signer(TestSecrets.AUDIT_SIGNING_SEED);
        report.append("#### (e) Audit trail cost\n\n");
        report.append("| measurement | n | median | p99 | mean |\n|---|---|---|---|---|\n");
        try (ServerRuntime plain = runtime(sandbox, key, null);
                AuditLog audit = AuditLog.open(settings(dir.resolve("pipeline.jsonl"), hmac, signer,
                        AuditSettings.Fsync.MUTATIONS), Clock.systemUTC());
                ServerRuntime audited = runtime(sandbox, key, audit)) {
            BenchStats without = new BenchStats(iterations, iterations);
            BenchStats with = new BenchStats(iterations, iterations);
            McpTransportContext caller = McpTransportContext.create(Map.of(Callers.KEY, Caller.service("reader", Role.READER)));
            ToolSpec<?, ?> a = plain.catalog().find("get_finding_by_id").orElseThrow();
            ToolSpec<?, ?> b = audited.catalog().find("get_finding_by_id").orElseThrow();
            SplittableRandom random = new SplittableRandom(11);
            int warmup = Math.min(1000, iterations);
            log.accept("audit: " + warmup + " warm-up + " + iterations + " pipeline calls with and without the trail");
            for (int i = 0; i < warmup + iterations; i++) {
                Map<String, Object> args = Map.of("finding_id", 1 + random.nextInt(findings));
                // Alternate which goes first, so neither always finds the sandbox's caches warm.
                boolean plainFirst = i % 2 == 0;
                long t0 = System.nanoTime();
                if (plainFirst) {
                    plain.pipeline().call(a, args, caller);
                } else {
                    audited.pipeline().call(b, args, caller);
                }
                long t1 = System.nanoTime();
                if (plainFirst) {
                    audited.pipeline().call(b, args, caller);
                } else {
                    plain.pipeline().call(a, args, caller);
                }
                long t2 = System.nanoTime();
                if (i >= warmup) {
                    without.add(plainFirst ? t1 - t0 : t2 - t1);
                    with.add(plainFirst ? t2 - t1 : t1 - t0);
                }
            }
            row(report, "pipeline `get_finding_by_id`, no audit trail", without);
            row(report, "pipeline `get_finding_by_id`, audit file (read: appended, not forced)", with);
            report.append(String.format(Locale.ROOT, "| ratio of medians (with / without) | | %.2f | | |%n",
                    (double) with.percentile(50) / without.percentile(50)));
        }
        for (AuditSettings.Fsync fsync : List.of(AuditSettings.Fsync.NEVER, AuditSettings.Fsync.ALWAYS)) {
            int n = fsync == AuditSettings.Fsync.ALWAYS ? Math.min(2000, iterations) : iterations;
            BenchStats stats = new BenchStats(n, n);
            try (AuditLog audit = AuditLog.open(settings(dir.resolve("raw-" + fsync + ".jsonl"), hmac, signer, fsync),
                    Clock.systemUTC())) {
                Map<String, Object> fields = Map.of("tool", "get_finding_by_id", "request_id", "0123456789abcdef",
                        "caller", "reader", "params", Map.of("finding_id", 42), "outcome", "success", "duration_ms", 3);
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    audit.recordDurably("tool_call", fields);
                    stats.add(System.nanoTime() - t0);
                }
            }
            row(report, "one record sealed + appended, fsync " + fsync.name().toLowerCase(Locale.ROOT)
                    + " (checkpoint every 100 included)", stats);
        }
        report.append('\n');
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static ServerRuntime runtime(SandboxServer sandbox, String key, AuditLog audit) {
        return new ServerRuntime(TestServers.connection(sandbox.baseUrl(), key), Transport.HTTP,
                ServerRuntime.allToolsets(), WriteSettings.defaults(), TestServers.security(), audit, Clock.systemUTC());
    }

    private static AuditSettings settings(Path file, HmacKey key, Ed25519.Signer signer, AuditSettings.Fsync fsync) {
        return new AuditSettings(file, Path.of(file + ".checkpoints"), key, signer, 100, Duration.ofSeconds(600),
                fsync, List.of());
    }

    private static void row(StringBuilder report, String name, BenchStats s) {
        report.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", name, s.count(),
                BenchStats.ms(s.percentile(50)), BenchStats.ms(s.percentile(99)), BenchStats.ms(s.meanNanos())));
    }
}
