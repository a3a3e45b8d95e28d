package dev.dojomcp.findings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.TextRendering;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A DefectDojo risk acceptance ({@code /api/v2/risk_acceptance/}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskAcceptance(
        Long id, String name,
        @JsonPropertyDescription("User id of the owner") Long owner,
        List<Long> acceptedFindings,
        @JsonPropertyDescription("A accept, V avoid, M mitigate, F fix, T transfer") String recommendation,
        String recommendationDetails,
        @JsonPropertyDescription("A accept, V avoid, M mitigate, F fix, T transfer") String decision,
        @JsonPropertyDescription("Why the risk is accepted") String decisionDetails,
        @JsonPropertyDescription("Who accepted it (free text, may be outside DefectDojo)") String acceptedBy,
        String expirationDate,
        @JsonPropertyDescription("Set once the acceptance has expired") String expirationDateHandled,
        Boolean reactivateExpired, Boolean restartSlaExpired, String created, String updated)
        implements TextRendering {
    @Override
    public String asText() {
        return "risk acceptance #" + id + " \"" + name + "\" owner " + owner + ", findings " + acceptedFindings
                + ", expires " + (expirationDate == null ? "never" : expirationDate)
                + (expirationDateHandled != null ? " (expired)" : "");
    }
}
