package dev.dojomcp.defectdojo.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import java.util.List;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Test(
        Long id, String title, Long engagement, Long testType, String testTypeName, String scanType,
        String targetStart, String targetEnd, String version, String buildId, String commitHash, String branchTag,
        List<String> tags, Long environment, Integer percentComplete, String created, String updated) {
}
