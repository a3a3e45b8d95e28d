package dev.dojomcp.defectdojo.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A DefectDojo finding as returned by {@code GET /api/v2/findings/}; fields DefectDojo adds later are ignored here but kept in the raw JSON. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        Long id, String title, String date, String severity, String numericalSeverity, String description,
        String mitigation, String impact, String stepsToReproduce, String references,
        Boolean active, Boolean verified, Boolean falseP, Boolean duplicate, Long duplicateFinding,
        Boolean outOfScope, Boolean riskAccepted, Boolean underReview, Boolean isMitigated, String mitigated,
        String displayStatus, Integer age, String slaStartDate, String slaExpirationDate, Integer slaDaysRemaining,
        Double epssScore, Double epssPercentile, Boolean knownExploited, Boolean ransomwareUsed, String kevDate,
        Integer cwe, List<VulnerabilityId> vulnerabilityIds, String cvssv3, Double cvssv3Score,
        String componentName, String componentVersion, String filePath, Integer line, String uniqueIdFromTool,
        Long test, List<Long> foundBy, List<String> tags, String created) {
}
