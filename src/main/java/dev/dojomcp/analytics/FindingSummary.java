package dev.dojomcp.analytics;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.TextRendering;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FindingSummary(
        @JsonPropertyDescription("The DefectDojo filters that define the scope") Map<String, String> scope,
        @JsonPropertyDescription("Findings in scope, any status") long total,
        @JsonPropertyDescription("Active (open) findings in scope") long open,
        @JsonPropertyDescription("Active findings per severity") Map<String, Long> openBySeverity,
        @JsonPropertyDescription("Findings per status (statuses overlap: Verified is a subset of Active)")
        Map<String, Long> byStatus,
        @JsonPropertyDescription("Active findings past their SLA date, in total and per severity") long slaBreached,
        Map<String, Long> slaBreachedBySeverity,
        @JsonPropertyDescription("Active findings in CISA's Known Exploited Vulnerabilities catalog") long openKnownExploited,
        @JsonPropertyDescription("Average age in days of active findings") Double averageOpenAgeDays,
        @JsonPropertyDescription("How many active findings the average age and CWE ranking were computed from")
        long ageSampleSize,
        @JsonPropertyDescription("False when only the newest active findings were sampled") boolean ageExact,
        @JsonPropertyDescription("Most frequent CWEs among active findings, with exact counts") List<CweCount> topCwes,
        @JsonPropertyDescription("DefectDojo requests made to compute this summary") int defectdojoRequests)
        implements TextRendering {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CweCount(int cwe, long count) {
    }

    @Override
    public String asText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Scope: ").append(scope.isEmpty() ? "all findings" : scope).append('\n');
        sb.append("Total ").append(total).append(", open ").append(open).append(": ")
                .append(openBySeverity.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append('\n');
        sb.append("By status: ").append(byStatus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).append('\n');
        sb.append("SLA breached: ").append(slaBreached).append(" (")
                .append(slaBreachedBySeverity.entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
                .append("); open in CISA KEV: ").append(openKnownExploited).append('\n');
        if (averageOpenAgeDays != null) {
            sb.append("Average open age: ").append(String.format(Locale.ROOT, "%.1f", averageOpenAgeDays))
                    .append(" days").append(ageExact ? "" : " (newest " + ageSampleSize + " sampled)").append('\n');
        }
        sb.append("Top CWEs: ").append(topCwes.stream().map(c -> "CWE-" + c.cwe() + " " + c.count())
                .collect(Collectors.joining(", ")));
        return sb.toString();
    }
}
