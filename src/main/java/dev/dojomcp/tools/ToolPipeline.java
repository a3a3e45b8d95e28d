package dev.dojomcp.tools;

import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.defectdojo.DojoException;
import dev.dojomcp.defectdojo.Json;
import dev.dojomcp.security.Caller;
import dev.dojomcp.security.UntrustedContent;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * The one path every tool call takes: authenticate (the caller from the transport) → guards (authorise,
 * rate-limit) → validate arguments into the input record → screen write arguments for hostile text →
 * handler (DefectDojo calls with the caller's client) → structured result plus text, untrusted fields
 * redacted and wrapped → log/audit. Errors become {@code isError} results with a generic message and a
 * request id; stack traces and DefectDojo responses stay in the server log.
 */
public final class ToolPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ToolPipeline.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Parameter names per input record, read once from the schema (not on every call). */
    private static final Map<Class<?>, java.util.Set<String>> PARAMETERS = new java.util.concurrent.ConcurrentHashMap<>();

    private final CallPolicy policy;
    private final DojoClientResolver clients;
    private final Clock clock;
    private final ServerProfile profile;
    private final ExecutorService executor;
    private final WriteSettings writes;

    public ToolPipeline(CallPolicy policy, DojoClientResolver clients, Clock clock, ServerProfile profile,
            ExecutorService executor) {
        this(policy, clients, clock, profile, executor, WriteSettings.defaults());
    }

    public ToolPipeline(CallPolicy policy, DojoClientResolver clients, Clock clock, ServerProfile profile,
            ExecutorService executor, WriteSettings writes) {
        this.policy = policy;
        this.clients = clients;
        this.clock = clock;
        this.profile = profile;
        this.executor = executor;
        this.writes = writes;
    }

    public CallPolicy policy() {
        return policy;
    }

    public <I, O> CallToolResult call(ToolSpec<I, O> tool, Map<String, Object> arguments, McpTransportContext transport) {
        return call(tool, arguments, transport, CallOrigin.NONE, Progress.NONE);
    }

    public <I, O> CallToolResult call(ToolSpec<I, O> tool, Map<String, Object> arguments, McpTransportContext transport,
            Progress progress) {
        return call(tool, arguments, transport, CallOrigin.NONE, progress);
    }

    public <I, O> CallToolResult call(ToolSpec<I, O> tool, Map<String, Object> arguments, McpTransportContext transport,
            CallOrigin origin, Progress progress) {
        String requestId = newRequestId();
        long start = System.nanoTime();
        MDC.put("request_id", requestId);
        MDC.put("tool", tool.name());
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        String outcome = "error";
        String reason = "internal";
        String writeOutcome = null;
        Object output = null;
        Caller caller = null;
        try {
            caller = policy.callers().apply(transport).orElseThrow(() -> new CallRefused(
                    CallRefused.Reason.UNAUTHENTICATED, "authentication required"));
            for (CallGuard guard : policy.guards()) {
                guard.check(tool, caller);
            }
            I input = bind(tool, args);
            policy.inputScreen().accept(tool, input);
            if (!tool.readOnly()) {
                reason = "audit_unavailable";
                policy.audit().intent(new CallAudit.Call(requestId, tool, caller, origin, args));
                reason = "internal";
            }
            ToolContext context = new ToolContext(requestId, clients.clientFor(tool, caller), clock, profile,
                    executor, writes, progress);
            O result = tool.handler().handle(context, input);
            output = result;
            CallToolResult answer = success(result);
            if (result instanceof WriteOutcome<?> w) {
                writeOutcome = w.outcome().wire();
                outcome = w.failed() ? "error" : "success";
                reason = w.failed() ? "write_" + writeOutcome : null;
            } else {
                outcome = "success";
                reason = null;
            }
            return answer;
        } catch (CallRefused e) {
            outcome = e.reason().outcome();
            reason = e.reason().name().toLowerCase(java.util.Locale.ROOT);
            return failure(e.getMessage(), requestId);
        } catch (ToolInputException e) {
            reason = e.contentCategory() == null ? "invalid_input" : "hostile_input";
            return failure(e.getMessage(), requestId);
        } catch (ToolException e) {
            reason = "audit_unavailable".equals(reason) ? reason : "refused";
            return failure(e.getMessage(), requestId);
        } catch (DojoException e) {
            LOG.debug("DefectDojo failure {} (status {})", e.failure(), e.status());
            reason = "dojo_" + e.failure().name().toLowerCase(java.util.Locale.ROOT);
            return failure(e.getMessage(), requestId);
        } catch (RuntimeException e) {
            LOG.error("tool {} failed unexpectedly", tool.name(), e);
            reason = "internal";
            return failure("internal error", requestId);
        } finally {
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            policy.audit().completed(new CallAudit.Call(requestId, tool, caller, origin, args),
                    new CallAudit.Completion(outcome, reason, writeOutcome, output, durationMs));
            LOG.info("tool={} caller={} outcome={} duration_ms={}", tool.name(), caller == null ? "-" : caller.id(),
                    writeOutcome != null ? writeOutcome : outcome, durationMs);
            MDC.remove("request_id");
            MDC.remove("tool");
        }
    }

    private static <I> I bind(ToolSpec<I, ?> tool, Map<String, Object> arguments) {
        if (arguments.containsKey("token")) {
            throw new ToolInputException("token",
                    "credentials are never passed as tool arguments; configure them in the server");
        }
        // Refused rather than ignored: a filter the caller believes applied must not silently match everything
        // (inspicere F-007). Over MCP the SDK's schema check refuses these first; in-process callers meet this.
        java.util.Set<String> known = PARAMETERS.computeIfAbsent(tool.input(), type -> {
            Object properties = McpToolBinding.inputSchema(tool).get("properties");
            return properties instanceof Map<?, ?> m ? m.keySet().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()) : java.util.Set.of();
        });
        for (String name : arguments.keySet()) {
            if (!known.contains(name)) {
                throw new ToolInputException(name.matches("[A-Za-z0-9_]{1,64}") ? name : "arguments",
                        "is not a parameter of " + tool.name());
            }
        }
        try {
            return Json.mapper().convertValue(arguments, tool.input());
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ToolInputException t) {
                throw t;
            }
            throw new ToolInputException(firstPathElement(e), "has an invalid value");
        } catch (JacksonException e) {
            if (e.getCause() instanceof ToolInputException t) {
                throw t;
            }
            throw new ToolInputException(firstPathElement(e), "has the wrong type");
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof ToolInputException t) {
                throw t;
            }
            throw new ToolInputException("arguments", "could not be read");
        }
    }

    private static String firstPathElement(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                .findFirst().orElse("arguments");
    }

    private CallToolResult success(Object output) {
        Map<String, Object> plain = Json.mapper().convertValue(output,
                new TypeReference<LinkedHashMap<String, Object>>() { });
        UntrustedContent untrusted = policy.untrusted();
        Map<String, Object> structured = untrusted.protect(plain);
        String text = output instanceof TextRendering t
                ? untrusted.protectText(t.asText(), UntrustedContent.hasUntrusted(plain))
                : Json.mapper().writeValueAsString(structured);
        boolean failed = output instanceof WriteOutcome<?> w && w.failed();
        return CallToolResult.builder().structuredContent(structured).addTextContent(text).isError(failed).build();
    }

    private static CallToolResult failure(String message, String requestId) {
        return CallToolResult.builder()
                .addTextContent("Error: " + message + " (request " + requestId + ")")
                .isError(true)
                .build();
    }

    static String newRequestId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
