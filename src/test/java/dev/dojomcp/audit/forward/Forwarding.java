package dev.dojomcp.audit.forward;

import dev.dojomcp.config.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Test set-up shared by the forwarding tests: fast timings and a forwarder that wakes on every appended record. */
final class Forwarding {
    static final Tuning FAST = new Tuning(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(200), 3,
            Duration.ofMillis(150), Duration.ofMillis(300), 100_000, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofMillis(50));

    private Forwarding() {
    }

    static ForwardSettings settings(Map<String, String> env, Path auditFile) {
        return ForwardSettings.from(Environment.of(env), auditFile);
    }

    static AuditForwarders start(Map<String, String> env, TestTrail trail, ForwarderEvents events, Tuning tuning) {
        AuditForwarders f = new AuditForwarders(settings(env, trail.file), trail.file, events, tuning);
        trail.onAppend(f::wake);
        f.start();
        return f;
    }

    static Tuning withSettle(Duration settle) {
        Tuning t = FAST;
        return new Tuning(t.poll(), t.initialBackoff(), t.maxBackoff(), t.breakerFailures(), t.breakerOpen(), settle,
                t.maxWindow(), t.connectTimeout(), t.ioTimeout(), t.persistEvery());
    }
}
