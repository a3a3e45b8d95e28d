package dev.dojomcp.tools;

import dev.dojomcp.defectdojo.DojoException;
import dev.dojomcp.defectdojo.DojoWriteException;
import dev.dojomcp.defectdojo.FieldError;
import dev.dojomcp.tools.WriteOutcome.Outcome;
import dev.dojomcp.tools.WriteOutcome.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The DefectDojo writes of one tool call, in order, and the {@link WriteOutcome} they add up to. A
 * failing {@link #run required step} ends the call: rejected or unknown when nothing was committed
 * before it, partial otherwise. A failing {@link #attempt follow-up} (a note after a close) makes the
 * outcome partial but lets the call finish. State rules broken before any write give a rejection by
 * dojo-mcp.
 */
public final class WriteSteps {
    private static final Logger LOG = LoggerFactory.getLogger(WriteSteps.class);

    private final String operation;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Long> ids = new LinkedHashMap<>();
    private DojoWriteException firstFailure;

    private WriteSteps(String operation) {
        this.operation = operation;
    }

    private static final class StepFailed extends RuntimeException {
        private final DojoWriteException cause;

        StepFailed(DojoWriteException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    public static <T> WriteOutcome<T> execute(String operation, Function<WriteSteps, WriteOutcome<T>> body) {
        WriteSteps w = new WriteSteps(operation);
        try {
            return body.apply(w);
        } catch (StateRuleViolation e) {
            if (w.committedAny()) {
                throw new IllegalStateException("state rules are checked before the first write", e);
            }
            return new WriteOutcome<>(Outcome.REJECTED, operation, false, "refused before anything was sent",
                    w.ids, "dojo-mcp", null, List.of(new FieldError(e.field(), e.rule())), null, w.steps, null);
        } catch (StepFailed e) {
            return w.failed(e.cause);
        }
    }

    /** A required write; when it fails, the call ends with the outcome so far. */
    public JsonNode run(String step, Supplier<JsonNode> call) {
        try {
            JsonNode result = call.get();
            steps.add(new Step(step, Outcome.COMMITTED, null, null));
            return result;
        } catch (DojoWriteException e) {
            record(step, e);
            throw new StepFailed(e);
        }
    }

    /** A follow-up write whose failure leaves the main change standing: the outcome becomes partial. */
    public Optional<JsonNode> attempt(String step, Supplier<JsonNode> call) {
        try {
            JsonNode result = call.get();
            steps.add(new Step(step, Outcome.COMMITTED, null, null));
            return Optional.of(result);
        } catch (DojoWriteException e) {
            record(step, e);
            if (firstFailure == null) {
                firstFailure = e;
            }
            return Optional.empty();
        }
    }

    /**
     * Reads what a write depends on before anything is sent. An object that is missing (or hidden from
     * this key) is a rejection naming {@code field}; other failures end the call as a tool error.
     */
    public <R> R fetch(String field, Supplier<R> read) {
        try {
            return read.get();
        } catch (DojoException e) {
            if (e.failure() == dev.dojomcp.defectdojo.DojoFailure.NOT_FOUND) {
                throw new StateRuleViolation(field, "not found in DefectDojo, or not visible to this API key");
            }
            throw e;
        }
    }

    /** Reads the changed object back for the result; a failed read does not change the outcome. */
    public <R> R readBack(Supplier<R> read) {
        try {
            return read.get();
        } catch (DojoException | DojoWriteException e) {
            LOG.debug("read-back after {} failed: {}", operation, e.getMessage());
            return null;
        }
    }

    public WriteSteps id(String name, long id) {
        ids.put(name, id);
        return this;
    }

    public <T> WriteOutcome<T> committed(String message, T result) {
        if (firstFailure != null) {
            return new WriteOutcome<>(Outcome.PARTIAL, operation, true, message + "; a follow-up step failed",
                    ids, firstFailure.kind() == DojoWriteException.Kind.UNKNOWN ? null : "defectdojo",
                    status(firstFailure), firstFailure.errors(), firstFailure.retryAfterSeconds(), steps, result);
        }
        return new WriteOutcome<>(Outcome.COMMITTED, operation, committedAny(), message, ids, null, null, null, null,
                steps, result);
    }

    /** Nothing to do: DefectDojo already is in the requested state. */
    public <T> WriteOutcome<T> unchanged(String message, T result) {
        return new WriteOutcome<>(Outcome.COMMITTED, operation, false, message, ids, null, null, null, null, steps,
                result);
    }

    private <T> WriteOutcome<T> failed(DojoWriteException e) {
        if (committedAny()) {
            return new WriteOutcome<>(Outcome.PARTIAL, operation, true,
                    "the main change was made, then a later step failed: " + e.getMessage(), ids,
                    e.kind() == DojoWriteException.Kind.UNKNOWN ? null : "defectdojo", status(e), e.errors(),
                    e.retryAfterSeconds(), steps, null);
        }
        Outcome outcome = e.kind() == DojoWriteException.Kind.UNKNOWN ? Outcome.UNKNOWN : Outcome.REJECTED;
        return new WriteOutcome<>(outcome, operation, false, e.getMessage(), ids,
                outcome == Outcome.REJECTED && e.kind() == DojoWriteException.Kind.REJECTED ? "defectdojo" : null,
                status(e), e.errors(), e.retryAfterSeconds(), steps, null);
    }

    private void record(String step, DojoWriteException e) {
        Outcome outcome = e.kind() == DojoWriteException.Kind.UNKNOWN ? Outcome.UNKNOWN : Outcome.REJECTED;
        steps.add(new Step(step, outcome, status(e), e.getMessage()));
    }

    private boolean committedAny() {
        return steps.stream().anyMatch(s -> s.outcome() == Outcome.COMMITTED);
    }

    private static Integer status(DojoWriteException e) {
        return e.status() == 0 ? null : e.status();
    }
}
