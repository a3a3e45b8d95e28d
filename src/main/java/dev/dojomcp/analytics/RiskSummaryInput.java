package dev.dojomcp.analytics;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.ToolInputException;
import dev.dojomcp.tools.schema.Default;
import dev.dojomcp.tools.schema.Range;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RiskSummaryInput(
        @JsonPropertyDescription("One product; omit to rank the products with the most active findings")
        @Range(min = 1) Long productId,
        @JsonPropertyDescription("How many products to rank when product_id is omitted") @Range(min = 1, max = 50)
        @Default("10") Integer limit) {
    public RiskSummaryInput {
        if (limit != null && (limit < 1 || limit > 50)) {
            throw new ToolInputException("limit", "must be 1-50");
        }
    }
}
