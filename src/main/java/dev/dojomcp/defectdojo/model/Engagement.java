package dev.dojomcp.defectdojo.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import java.util.List;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Engagement(
        Long id, String name, String description, Long product, String targetStart, String targetEnd,
        String status, Boolean active, String engagementType, String version, String buildId, String commitHash,
        String branchTag, Long lead, List<String> tags, String created, String updated) {
}
