package dev.dojomcp.security;

import dev.dojomcp.config.Environment;
import java.time.Duration;

/**
 * Per-caller limits: mutations per window for each authenticated caller, one shared mutation bucket
 * for all unauthenticated (open-access) traffic, and a ceiling on one caller's concurrent DefectDojo
 * calls so a runaway agent cannot flood DefectDojo.
 */
public record LimitSettings(int mutationLimit, Duration mutationWindow, int openAccessMutationLimit,
        int callerConcurrency) {
    public static final String MUTATION_RATE_LIMIT = "MUTATION_RATE_LIMIT";
    public static final String MUTATION_RATE_WINDOW = "MUTATION_RATE_WINDOW";
    public static final String OPEN_ACCESS_MUTATION_RATE_LIMIT = "OPEN_ACCESS_MUTATION_RATE_LIMIT";
    public static final String CALLER_MAX_CONCURRENT_CALLS = "MCP_CALLER_MAX_CONCURRENT_CALLS";

    public static LimitSettings defaults() {
        return new LimitSettings(60, Duration.ofSeconds(60), 10, 8);
    }

    public static LimitSettings from(Environment env) {
        LimitSettings d = defaults();
        return new LimitSettings(
                env.integer(MUTATION_RATE_LIMIT, d.mutationLimit, 1, 1_000_000),
                Duration.ofSeconds(env.integer(MUTATION_RATE_WINDOW, (int) d.mutationWindow.toSeconds(), 1,
                        86_400)),
                env.integer(OPEN_ACCESS_MUTATION_RATE_LIMIT, d.openAccessMutationLimit, 1, 1_000_000),
                env.integer(CALLER_MAX_CONCURRENT_CALLS, d.callerConcurrency, 1, 256));
    }
}
