package dev.dojomcp.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.findings.DateBucket;
import dev.dojomcp.tools.Args;
import dev.dojomcp.tools.ToolInputException;
import dev.dojomcp.tools.schema.Items;
import dev.dojomcp.tools.schema.Range;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FindingSummaryInput(
        @JsonPropertyDescription("Only findings of this product") @Range(min = 1) Long productId,
        @JsonPropertyDescription("Only findings of this engagement") @Range(min = 1) Long engagementId,
        @JsonPropertyDescription("Discovery-date bucket, one value") @Items(max = 1) List<DateBucket> date,
        @JsonPropertyDescription("Findings with any of these tags") @Items(max = 50) List<String> tags,
        @JsonPropertyDescription("Findings with all of these tags") @Items(max = 50) List<String> tagsAnd,
        @JsonProperty("tags__and") @JsonPropertyDescription("Same as tags_and (DefectDojo Pro's spelling)")
        @Items(max = 50) List<String> tagsAndProSpelling,
        @JsonPropertyDescription("Findings with none of these tags") @Items(max = 50) List<String> notTags) {

    public FindingSummaryInput {
        tags = Args.tags("tags", tags);
        tagsAnd = Args.tags("tags_and", tagsAnd);
        tagsAndProSpelling = Args.tags("tags__and", tagsAndProSpelling);
        notTags = Args.tags("not_tags", notTags);
        if (date != null && date.size() > 1) {
            throw new ToolInputException("date", "takes one value");
        }
        if (date != null && date.contains(null)) {
            throw new ToolInputException("date", "must not contain null");
        }
    }
}
