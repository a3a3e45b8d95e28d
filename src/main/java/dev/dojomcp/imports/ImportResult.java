package dev.dojomcp.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.TextRendering;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Where a report went and what it changed, from DefectDojo's import answer. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(
        Long testId, Long engagementId, Long productId, Long productTypeId,
        String scanType,
        @JsonPropertyDescription("True when the report went into an existing test (reimport), false for a new test")
        boolean reimported,
        @JsonPropertyDescription("Findings new in this test") Long created,
        @JsonPropertyDescription("Closed findings that reappeared and were reopened") Long reactivated,
        @JsonPropertyDescription("Findings closed because the report no longer has them; absent when DefectDojo did "
                + "not report it") Long closed,
        @JsonPropertyDescription("Findings already open and still reported") Long untouched,
        @JsonPropertyDescription("Findings in the test after the import") Long findingsInTest,
        @JsonPropertyDescription("Active findings in the test after the import") Long activeInTest,
        @JsonPropertyDescription("Active findings in the test by severity") Map<String, Long> activeBySeverity,
        @JsonPropertyDescription("Whether DefectDojo finished de-duplicating before answering") Boolean deduplicationComplete)
        implements TextRendering {

    private static final String[] LEVELS = {"critical", "high", "medium", "low", "info"};

    static ImportResult from(JsonNode answer, String scanType, boolean closeOldOnImport) {
        JsonNode stats = answer.path("statistics");
        JsonNode after = stats.path("after");
        boolean reimported = stats.has("before");
        JsonNode delta = stats.path("delta");
        Long created;
        Long reactivated;
        Long closed;
        Long untouched;
        if (!reimported) {
            // A new test: everything in it is new; findings closed in other tests are not counted by DefectDojo.
            created = number(after.path("total").path("total"));
            reactivated = 0L;
            untouched = 0L;
            closed = closeOldOnImport ? null : 0L;
        } else {
            // delta is only present with DD_TRACK_IMPORT_HISTORY (on by default).
            created = number(delta.path("created").path("total").path("total"));
            reactivated = number(delta.path("reactivated").path("total").path("total"));
            closed = number(delta.path("closed").path("total").path("total"));
            untouched = number(delta.path("untouched").path("total").path("total"));
        }
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (String level : LEVELS) {
            Long n = number(after.path(level).path("active"));
            if (n != null) {
                bySeverity.put(level, n);
            }
        }
        Long testId = number(answer.path("test_id"));
        return new ImportResult(testId != null ? testId : number(answer.path("test")), number(answer.path("engagement_id")),
                number(answer.path("product_id")), number(answer.path("product_type_id")), scanType, reimported,
                created, reactivated, closed, untouched, number(after.path("total").path("total")),
                number(after.path("total").path("active")), bySeverity.isEmpty() ? null : bySeverity,
                answer.path("deduplication_complete").isBoolean() ? answer.path("deduplication_complete").asBoolean()
                        : null);
    }

    private static Long number(JsonNode n) {
        return n.isIntegralNumber() ? n.asLong() : null;
    }

    /** One line of statistics, as the CLI prints it. */
    public String statistics() {
        return "new=" + show(created) + " reactivated=" + show(reactivated) + " closed=" + show(closed)
                + " untouched=" + show(untouched) + " findings_in_test=" + show(findingsInTest) + " active="
                + show(activeInTest);
    }

    private static String show(Long n) {
        return n == null ? "n/a" : n.toString();
    }

    @Override
    public String asText() {
        return (reimported ? "reimported into test #" : "imported as test #") + testId + " (engagement #"
                + engagementId + ", product #" + productId + ", " + scanType + "): " + statistics()
                + (activeBySeverity == null ? "" : " " + activeBySeverity);
    }
}
