package dev.dojomcp.findings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.Args;
import dev.dojomcp.tools.Ids;
import dev.dojomcp.tools.JsonNames;
import dev.dojomcp.tools.ToolInputException;
import dev.dojomcp.tools.schema.Default;
import dev.dojomcp.tools.schema.Format;
import dev.dojomcp.tools.schema.Items;
import dev.dojomcp.tools.schema.Range;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Input records of the finding write tools. Lengths follow DefectDojo's model limits where it has them. */
public final class FindingWriteInputs {
    static final int TITLE = FindingText.TITLE;
    static final int TEXT = FindingText.TEXT;
    static final int NOTE = 20_000;
    static final int SHORT = FindingText.SHORT;
    static final int TAGS = 20;

    private FindingWriteInputs() {
    }

    /** Why a finding is closed; each maps to the flags DefectDojo's close action sets. */
    public enum CloseReason {
        @JsonProperty("mitigated") MITIGATED, @JsonProperty("false_positive") FALSE_POSITIVE,
        @JsonProperty("out_of_scope") OUT_OF_SCOPE, @JsonProperty("duplicate") DUPLICATE;

        String wire() {
            return JsonNames.of(this);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateFinding(
            @JsonProperty(required = true) @JsonPropertyDescription("The test (scan) the finding belongs to")
            @Range(min = 1) Long testId,
            @JsonProperty(required = true) @Format(maxLength = TITLE) String title,
            @JsonProperty(required = true) Severity severity,
            @JsonProperty(required = true) @Format(maxLength = TEXT) String description,
            @JsonPropertyDescription("Default true") @Default("true") Boolean active,
            @JsonPropertyDescription("Default false; only an active finding can be verified") @Default("false")
            Boolean verified,
            @Format(maxLength = TEXT) String mitigation,
            @Format(maxLength = TEXT) String impact,
            @Format(maxLength = TEXT) String stepsToReproduce,
            @Format(maxLength = TEXT) String references,
            @Format(maxLength = TEXT) String severityJustification,
            @JsonPropertyDescription("CWE number, e.g. 79") @Range(min = 0, max = 100000) Integer cwe,
            @JsonPropertyDescription("CVE, GHSA or other vulnerability ids") @Items(max = 50)
            @Format(maxLength = SHORT) List<String> vulnerabilityIds,
            @Format(maxLength = SHORT) String componentName,
            @Format(maxLength = SHORT) String componentVersion,
            @Format(maxLength = 4000) String filePath,
            @Range(min = 0, max = 100_000_000) Integer line,
            @JsonPropertyDescription("Discovery date YYYY-MM-DD; default today") @Format("date") String date,
            @JsonPropertyDescription("The scanner's own id for this finding (drives de-duplication)")
            @Format(maxLength = 500) String uniqueIdFromTool,
            @Format(maxLength = 500) String vulnIdFromTool,
            @JsonPropertyDescription("Tags: letters, digits and . _ : / + = @ - only") @Items(max = TAGS)
            List<String> tags) implements FindingText {
        public CreateFinding {
            Ids.require("test_id", testId);
            title = Args.requiredText("title", title, TITLE);
            if (severity == null) {
                throw new ToolInputException("severity", "is required");
            }
            description = Args.requiredMultiline("description", description, TEXT);
            FindingText.check(title, description, mitigation, impact, stepsToReproduce, references,
                    severityJustification, vulnerabilityIds, componentName, componentVersion, filePath);
            date = Args.date("date", date);
            uniqueIdFromTool = Args.text("unique_id_from_tool", uniqueIdFromTool, 500);
            vulnIdFromTool = Args.text("vuln_id_from_tool", vulnIdFromTool, 500);
            tags = Args.tags("tags", tags);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateFinding(
            @JsonProperty(required = true) @Range(min = 1) Long findingId,
            @Format(maxLength = TITLE) String title,
            Severity severity,
            @Format(maxLength = TEXT) String description,
            @Format(maxLength = TEXT) String mitigation,
            @Format(maxLength = TEXT) String impact,
            @Format(maxLength = TEXT) String stepsToReproduce,
            @Format(maxLength = TEXT) String references,
            @Format(maxLength = TEXT) String severityJustification,
            @Range(min = 0, max = 100000) Integer cwe,
            @Items(max = 50) @Format(maxLength = SHORT) List<String> vulnerabilityIds,
            @Format(maxLength = SHORT) String componentName,
            @Format(maxLength = SHORT) String componentVersion,
            @Format(maxLength = 4000) String filePath,
            @Range(min = 0, max = 100_000_000) Integer line,
            @JsonPropertyDescription("Planned fix date YYYY-MM-DD") @Format("date") String plannedRemediationDate,
            @JsonPropertyDescription("Activate or deactivate an open finding; a closed finding is reopened with "
                    + "reopen_finding") Boolean active,
            @JsonPropertyDescription("Only an active finding that is not a false positive can be verified")
            Boolean verified,
            Boolean underReview) implements FindingText {
        public UpdateFinding {
            Ids.require("finding_id", findingId);
            FindingText.check(title, description, mitigation, impact, stepsToReproduce, references,
                    severityJustification, vulnerabilityIds, componentName, componentVersion, filePath);
            plannedRemediationDate = Args.date("planned_remediation_date", plannedRemediationDate);
            if (Stream.of(title, severity, description, mitigation, impact, stepsToReproduce, references,
                    severityJustification, cwe, vulnerabilityIds, componentName, componentVersion, filePath, line,
                    plannedRemediationDate, active, verified, underReview).allMatch(java.util.Objects::isNull)) {
                throw new ToolInputException("arguments", "name at least one field to change besides finding_id");
            }
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CloseFinding(
            @JsonProperty(required = true) @Range(min = 1) Long findingId,
            @JsonProperty(required = true) @JsonPropertyDescription("mitigated: fixed; false_positive: not a real "
                    + "issue; out_of_scope: not ours to fix; duplicate: reported elsewhere (to link it to its original, "
                    + "use mark_duplicate)") CloseReason reason,
            @JsonPropertyDescription("Optional note recorded with the close") @Format(maxLength = NOTE) String note) {
        public CloseFinding {
            Ids.require("finding_id", findingId);
            if (reason == null) {
                throw new ToolInputException("reason", "is required");
            }
            note = Args.multiline("note", note, NOTE);
        }
    }

    /** reopen_finding and verify_finding: a finding and an optional note. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FindingWithNote(
            @JsonProperty(required = true) @Range(min = 1) Long findingId,
            @JsonPropertyDescription("Optional note explaining the change") @Format(maxLength = NOTE) String note) {
        public FindingWithNote {
            Ids.require("finding_id", findingId);
            note = Args.multiline("note", note, NOTE);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MarkDuplicate(
            @JsonProperty(required = true) @JsonPropertyDescription("The finding that duplicates another")
            @Range(min = 1) Long findingId,
            @JsonProperty(required = true) @JsonPropertyDescription("The original it duplicates (same product)")
            @Range(min = 1) Long originalId,
            @Format(maxLength = NOTE) String note) {
        public MarkDuplicate {
            Ids.require("finding_id", findingId);
            Ids.require("original_id", originalId);
            note = Args.multiline("note", note, NOTE);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AddNote(
            @JsonProperty(required = true) @Range(min = 1) Long findingId,
            @JsonProperty(required = true) @Format(maxLength = NOTE) String entry,
            @JsonPropertyDescription("Visible only to DefectDojo users allowed to see private notes")
            @Default("false") Boolean isPrivate) {
        public AddNote {
            Ids.require("finding_id", findingId);
            entry = Args.requiredMultiline("entry", entry, NOTE);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FindingTags(
            @JsonProperty(required = true) @Range(min = 1) Long findingId,
            @JsonProperty(required = true) @JsonPropertyDescription("Tags: letters, digits and . _ : / + = @ - only; "
                    + "stored in lower case") @Items(min = 1, max = TAGS, unique = true) List<String> tags) {
        public FindingTags {
            Ids.require("finding_id", findingId);
            if (tags == null || tags.isEmpty()) {
                throw new ToolInputException("tags", "needs at least one tag");
            }
            tags = Args.tags("tags", tags).stream().distinct().toList();
        }
    }
}
