package dev.dojomcp.security;

import dev.dojomcp.defectdojo.DefectDojoClient;
import dev.dojomcp.tools.CallGuard;
import dev.dojomcp.tools.CallRefused;
import dev.dojomcp.tools.ToolSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the pipeline and the HTTP transport ask about callers: who they are, what their role may
 * call (checked for every call, before any handler code, and used to filter {@code tools/list}), their
 * mutation rate, their concurrency ceiling and which DefectDojo key their calls use.
 */
public final class AccessControl {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    private final SecuritySettings settings;
    private final Optional<Caller> fallback;
    private final MutationRateLimiter rateLimiter;
    private final CallerSlots slots;
    private final HttpAuthenticator http;

    /**
     * {@code fallback} is the caller of requests that carry none: the local user on stdio and in-process
     * runs; empty for network transports, where such a request is refused.
     */
    public AccessControl(SecuritySettings settings, Optional<Caller> fallback, DefectDojoClient serverClient,
            Duration dojoTimeout) {
        this.settings = settings;
        this.fallback = fallback;
        this.rateLimiter = new MutationRateLimiter(settings.limits());
        this.slots = new CallerSlots(settings.limits().callerConcurrency(), dojoTimeout);
        this.http = new HttpAuthenticator(settings.auth(), new PassthroughKeys(serverClient, Duration.ofMinutes(5)));
    }

    public SecuritySettings settings() {
        return settings;
    }

    public HttpAuthenticator http() {
        return http;
    }

    public Optional<Caller> caller(io.modelcontextprotocol.common.McpTransportContext transport) {
        return Callers.from(transport).or(() -> fallback);
    }

    public boolean permits(Caller caller, ToolSpec<?, ?> tool) {
        return caller.permits(tool.permission());
    }

    /** Authorise, then count the mutation: a denied call does not use up the caller's rate. */
    public List<CallGuard> guards() {
        CallGuard authorise = (tool, caller) -> {
            if (!permits(caller, tool)) {
                LOG.warn("denied: caller={} role={} tool={} needs={}", caller.id(), caller.roleLabel(), tool.name(),
                        tool.permission().id());
                throw new CallRefused(CallRefused.Reason.DENIED, "permission denied");
            }
        };
        return List.of(authorise, rateLimiter);
    }

    /**
     * A passthrough caller's calls all use its own key; everyone else uses the server's read key for
     * read tools and write key for the rest. Every client counts against the caller's ceiling.
     */
    public DefectDojoClient clientFor(ToolSpec<?, ?> tool, Caller caller, DefectDojoClient reader,
            DefectDojoClient writer) {
        DefectDojoClient base = caller.dojoKey().map(reader::as).orElse(tool.readOnly() ? reader : writer);
        return base.within(slots.forCaller(caller));
    }
}
