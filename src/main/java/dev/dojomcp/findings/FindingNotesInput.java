package dev.dojomcp.findings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.Ids;
import dev.dojomcp.tools.schema.Range;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FindingNotesInput(
        @JsonProperty(required = true) @JsonPropertyDescription("The finding's id") @Range(min = 1) Long findingId) {
    public FindingNotesInput {
        Ids.require("finding_id", findingId);
    }
}
