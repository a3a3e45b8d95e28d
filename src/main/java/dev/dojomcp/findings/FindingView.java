package dev.dojomcp.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.defectdojo.Json;
import dev.dojomcp.defectdojo.model.Finding;
import dev.dojomcp.defectdojo.model.VulnerabilityId;
import dev.dojomcp.tools.TextRendering;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A finding as tools return it: compact by default, with narrative fields and raw JSON on request. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingView(
        long id,
        String title,
        String severity,
        @JsonPropertyDescription("DefectDojo's display status, e.g. \"Active, Verified\"") String status,
        Boolean active, Boolean verified, Boolean isMitigated,
        @JsonPropertyDescription("Mitigation time (ISO-8601), when mitigated") String mitigated,
        Boolean falseP, Boolean duplicate,
        @JsonPropertyDescription("Id of the original finding, for duplicates") Long duplicateFinding,
        Boolean outOfScope, Boolean riskAccepted, Boolean underReview,
        @JsonPropertyDescription("Discovery date") String date,
        @JsonPropertyDescription("Days open (until mitigation when mitigated)") Integer age,
        Integer cwe,
        List<String> vulnerabilityIds,
        @JsonPropertyDescription("EPSS probability as a fraction 0-1") Double epssScore,
        @JsonPropertyDescription("EPSS percentile as a fraction 0-1") Double epssPercentile,
        @JsonPropertyDescription("In CISA's Known Exploited Vulnerabilities catalog") Boolean knownExploited,
        String slaExpirationDate,
        @JsonPropertyDescription("Days until the SLA date; negative means breached") Integer slaDaysRemaining,
        String componentName, String componentVersion, String filePath, Integer line,
        @JsonPropertyDescription("Id of the test (scan) this finding belongs to") Long testId,
        List<String> tags,
        String description, String mitigation, String impact, String stepsToReproduce, String references,
        @JsonPropertyDescription("Every field DefectDojo returned (detail=full only)") Map<String, Object> raw)
        implements TextRendering, dev.dojomcp.tools.FindingRecord {

    @Override
    public long findingId() {
        return id;
    }

    public static FindingView compact(Finding f) {
        return of(f, false, null);
    }

    public static FindingView of(Finding f, boolean narrative, JsonNode raw) {
        List<String> vulnIds = f.vulnerabilityIds() == null ? null
                : f.vulnerabilityIds().stream().map(VulnerabilityId::vulnerabilityId).filter(Objects::nonNull).toList();
        Map<String, Object> rawMap = raw == null ? null
                : Json.mapper().convertValue(raw, new TypeReference<LinkedHashMap<String, Object>>() { });
        return new FindingView(f.id() == null ? 0 : f.id(), f.title(), f.severity(), f.displayStatus(), f.active(),
                f.verified(), f.isMitigated(), f.mitigated(), f.falseP(), f.duplicate(), f.duplicateFinding(),
                f.outOfScope(), f.riskAccepted(), f.underReview(), f.date(), f.age(), f.cwe(), vulnIds, f.epssScore(),
                f.epssPercentile(), f.knownExploited(), f.slaExpirationDate(), f.slaDaysRemaining(), f.componentName(),
                f.componentVersion(), f.filePath(), f.line(), f.test(), f.tags(),
                narrative ? f.description() : null, narrative ? f.mitigation() : null,
                narrative ? f.impact() : null, narrative ? f.stepsToReproduce() : null,
                narrative ? f.references() : null, rawMap);
    }

    @Override
    public String asText() {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(id).append(" [").append(severity).append("] ").append(title);
        if (status != null) {
            sb.append(" | ").append(status);
        }
        if (cwe != null && cwe > 0) {
            sb.append(" | CWE-").append(cwe);
        }
        if (vulnerabilityIds != null && !vulnerabilityIds.isEmpty()) {
            sb.append(" | ").append(String.join(",", vulnerabilityIds));
        }
        if (epssScore != null) {
            sb.append(" | EPSS ").append(String.format(java.util.Locale.ROOT, "%.3f", epssScore));
        }
        if (Boolean.TRUE.equals(knownExploited)) {
            sb.append(" | KEV");
        }
        if (slaDaysRemaining != null) {
            sb.append(" | SLA ").append(slaDaysRemaining < 0 ? "breached " + -slaDaysRemaining + "d ago"
                    : slaDaysRemaining + "d left");
        }
        if (componentName != null) {
            sb.append(" | ").append(componentName);
            if (componentVersion != null) {
                sb.append(' ').append(componentVersion);
            }
        }
        if (testId != null) {
            sb.append(" | test ").append(testId);
        }
        if (description != null) {
            sb.append("\n  description: ").append(description.length() > 500 ? description.substring(0, 500) + "…"
                    : description);
        }
        if (mitigation != null) {
            sb.append("\n  mitigation: ").append(mitigation.length() > 300 ? mitigation.substring(0, 300) + "…"
                    : mitigation);
        }
        return sb.toString();
    }
}
