package dev.dojomcp.findings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.Ids;
import dev.dojomcp.tools.schema.Default;
import dev.dojomcp.tools.schema.Range;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FindingIdInput(
        @JsonProperty(required = true) @JsonPropertyDescription("The finding's id") @Range(min = 1) Long findingId,
        @JsonPropertyDescription("summary (default): the finding with its description and mitigation; "
                + "full: also every field DefectDojo returns") @Default("summary") Detail detail) {
    public FindingIdInput {
        Ids.require("finding_id", findingId);
    }
}
