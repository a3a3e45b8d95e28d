package dev.dojomcp.findings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.Args;
import dev.dojomcp.tools.ToolInputException;
import dev.dojomcp.tools.schema.Default;
import dev.dojomcp.tools.schema.Format;
import dev.dojomcp.tools.schema.Items;
import dev.dojomcp.tools.schema.Range;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GetFindingsInput(
        @JsonPropertyDescription("Severities to include (any of them)") @Items(unique = true) List<Severity> severity,
        @JsonPropertyDescription("Statuses; several values combine with AND (e.g. Active + Verified). "
                + "See the status mapping in the tool description") @Items(unique = true) List<FindingStatus> status,
        @JsonPropertyDescription("Discovery-date bucket, one value") @Items(max = 1) List<DateBucket> date,
        @JsonPropertyDescription("Page size (use 1 and read count to count)") @Range(min = 1, max = 1000)
        @Default("100") Integer limit,
        @JsonPropertyDescription("Offset of the first result") @Range(min = 0) @Default("0") Integer offset,
        @JsonPropertyDescription("Only findings of this product") @Range(min = 1) Long productId,
        @JsonPropertyDescription("Only findings of this engagement") @Range(min = 1) Long engagementId,
        @JsonPropertyDescription("Only findings of this test") @Range(min = 1) Long testId,
        @JsonPropertyDescription("CWE numbers (any of them), e.g. [79, 89]") @Range(min = 0, max = 100000)
        @Items(max = 50) List<Integer> cwe,
        @JsonPropertyDescription("Vulnerability id such as CVE-2024-1234 or GHSA-…; comma-separated for several, exact match")
        @Format(pattern = "^[A-Za-z0-9._:-]+(,[A-Za-z0-9._:-]+)*$", maxLength = 500) String vulnerabilityId,
        @JsonPropertyDescription("Findings with any of these tags") @Items(max = 50) List<String> tags,
        @JsonPropertyDescription("Findings with all of these tags") @Items(max = 50) List<String> tagsAnd,
        @JsonProperty("tags__and") @JsonPropertyDescription("Same as tags_and (DefectDojo Pro's spelling)")
        @Items(max = 50) List<String> tagsAndProSpelling,
        @JsonPropertyDescription("Findings with none of these tags") @Items(max = 50) List<String> notTags,
        @JsonPropertyDescription("Minimum EPSS score as a fraction 0-1 (as in the finding's epss_score)")
        @Range(min = 0, max = 1) Double epssScoreMin,
        @JsonPropertyDescription("Maximum EPSS score as a fraction 0-1") @Range(min = 0, max = 1) Double epssScoreMax,
        @JsonPropertyDescription("true: only findings in CISA's Known Exploited Vulnerabilities catalog; false: only those not in it")
        Boolean knownExploited,
        @JsonPropertyDescription("true: open findings past their SLA date; false: findings with no SLA date or one still ahead (any status)")
        Boolean outsideOfSla,
        @JsonPropertyDescription("Discovered strictly after this date (YYYY-MM-DD)") @Format("date") String discoveredAfter,
        @JsonPropertyDescription("Discovered strictly before this date (YYYY-MM-DD)") @Format("date") String discoveredBefore,
        @JsonPropertyDescription("Component name contains this text (case-insensitive)") @Format(maxLength = 200)
        String componentName,
        @JsonPropertyDescription("Title contains this text (case-insensitive)") @Format(maxLength = 200) String title,
        @JsonPropertyDescription("Free text; DefectDojo's API has no full-text search, so this matches the title "
                + "(case-insensitive substring). Use either title or search") @Format(maxLength = 200) String search,
        @JsonPropertyDescription("Sort order, comma-separated; prefix - for descending. Fields: "
                + FindingOrder.FIELDS_DOC) @Format(maxLength = 200) String orderBy,
        @JsonPropertyDescription("summary (default): compact findings; full: also every field DefectDojo returns")
        @Default("summary") Detail detail) {

    public GetFindingsInput {
        discoveredAfter = Args.date("discovered_after", discoveredAfter);
        discoveredBefore = Args.date("discovered_before", discoveredBefore);
        tags = Args.tags("tags", tags);
        tagsAnd = Args.tags("tags_and", tagsAnd);
        tagsAndProSpelling = Args.tags("tags__and", tagsAndProSpelling);
        notTags = Args.tags("not_tags", notTags);
        componentName = Args.text("component_name", componentName, 200);
        title = Args.text("title", title, 200);
        search = Args.text("search", search, 200);
        if (title != null && search != null) {
            throw new ToolInputException("search", "use either title or search, not both");
        }
        noNull("severity", severity);
        noNull("status", status);
        noNull("date", date);
        noNull("cwe", cwe);
        if (epssScoreMin != null && !(epssScoreMin >= 0 && epssScoreMin <= 1)) {
            throw new ToolInputException("epss_score_min", "must be a fraction from 0 to 1");
        }
        if (epssScoreMax != null && !(epssScoreMax >= 0 && epssScoreMax <= 1)) {
            throw new ToolInputException("epss_score_max", "must be a fraction from 0 to 1");
        }
        if (epssScoreMin != null && epssScoreMax != null && epssScoreMin > epssScoreMax) {
            throw new ToolInputException("epss_score_min", "must not exceed epss_score_max");
        }
        if (date != null && date.size() > 1) {
            throw new ToolInputException("date", "takes one value");
        }
    }

    private static void noNull(String field, List<?> list) {
        if (list != null && list.contains(null)) {
            throw new ToolInputException(field, "must not contain null");
        }
    }

    public int limitOrDefault() {
        return Args.orDefault(limit, 100);
    }

    public int offsetOrDefault() {
        return Args.orDefault(offset, 0);
    }
}
