package dev.dojomcp.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.defectdojo.FieldError;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What every write tool returns: whether the change happened, the ids it touched, and why not when
 * it did not. {@code unknown} means the request left but no answer came (or DefectDojo failed midway):
 * check with a read tool before repeating it, because writes are never retried automatically.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteOutcome<T>(
        @JsonPropertyDescription("committed: done; rejected: nothing changed; partial: the main change was made but a "
                + "follow-up step failed; unknown: the request was sent but its result is not known")
        Outcome outcome,
        @JsonPropertyDescription("The tool that made the change") String operation,
        @JsonPropertyDescription("False when DefectDojo already was in the requested state and nothing was sent")
        boolean changed,
        String message,
        @JsonPropertyDescription("Ids of the objects created or changed") Map<String, Long> ids,
        @JsonPropertyDescription("Who refused the change: dojo-mcp (a state rule, before any call) or defectdojo")
        String rejectedBy,
        @JsonPropertyDescription("DefectDojo's HTTP status for the failed step") Integer httpStatus,
        @JsonPropertyDescription("Why the change was refused, per field") List<FieldError> errors,
        Integer retryAfterSeconds,
        @JsonPropertyDescription("Each DefectDojo write this tool made, in order") List<Step> steps,
        @JsonPropertyDescription("The object as DefectDojo shows it after the change, when it could be read back")
        T result) implements TextRendering {

    public enum Outcome {
        @JsonProperty("committed") COMMITTED,
        @JsonProperty("rejected") REJECTED,
        @JsonProperty("partial") PARTIAL,
        @JsonProperty("unknown") UNKNOWN;

        public String wire() {
            return JsonNames.of(this);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String name, Outcome outcome, Integer httpStatus, String message) {
    }

    public WriteOutcome {
        ids = ids == null ? Map.of() : Map.copyOf(new java.util.LinkedHashMap<>(ids));
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Rejected and unknown outcomes are tool errors to MCP clients; partial is not (the main change stands). */
    public boolean failed() {
        return outcome == Outcome.REJECTED || outcome == Outcome.UNKNOWN;
    }

    @Override
    public String asText() {
        StringBuilder sb = new StringBuilder(outcome.wire()).append(": ").append(message);
        if (!ids.isEmpty()) {
            sb.append(" [").append(ids.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))).append(']');
        }
        if (errors != null) {
            errors.forEach(e -> sb.append("\n- ").append(e.field()).append(": ").append(e.message()));
        }
        if (retryAfterSeconds != null) {
            sb.append("\nretry after ").append(retryAfterSeconds).append(" s");
        }
        steps.stream().filter(s -> s.outcome() != Outcome.COMMITTED)
                .forEach(s -> sb.append("\nstep ").append(s.name()).append(": ").append(s.outcome().wire())
                        .append(s.message() == null ? "" : " (" + s.message() + ")"));
        if (result instanceof TextRendering t) {
            sb.append('\n').append(t.asText());
        }
        return sb.toString();
    }
}
