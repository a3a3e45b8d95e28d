package dev.dojomcp.products;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.products.ProductInputs.BusinessCriticality;
import dev.dojomcp.products.ProductInputs.EngagementStatus;
import dev.dojomcp.products.ProductInputs.EngagementType;
import dev.dojomcp.products.ProductInputs.Lifecycle;
import dev.dojomcp.products.ProductInputs.Origin;
import dev.dojomcp.products.ProductInputs.Platform;
import dev.dojomcp.tools.Args;
import dev.dojomcp.tools.Ids;
import dev.dojomcp.tools.ToolInputException;
import dev.dojomcp.tools.schema.Default;
import dev.dojomcp.tools.schema.Format;
import dev.dojomcp.tools.schema.Items;
import dev.dojomcp.tools.schema.Range;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Input records of the product, engagement and test write tools. */
public final class HierarchyWriteInputs {
    static final int NAME = 255;
    static final int TEXT = 100_000;
    static final int SHORT = 100;

    private HierarchyWriteInputs() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateProduct(
            @JsonProperty(required = true) @JsonPropertyDescription("Unique product name") @Format(maxLength = NAME)
            String name,
            @JsonProperty(required = true) @Format(maxLength = TEXT) String description,
            @JsonProperty(required = true) @JsonPropertyDescription("Product type (organization) id")
            @Range(min = 1) Long productTypeId,
            BusinessCriticality businessCriticality, Platform platform, Lifecycle lifecycle, Origin origin,
            Boolean externalAudience, Boolean internetAccessible,
            @JsonPropertyDescription("Allow accepting a finding's risk with a flag instead of a risk acceptance")
            Boolean enableSimpleRiskAcceptance,
            @JsonPropertyDescription("Allow risk acceptances (accept_risk); DefectDojo's default is true")
            Boolean enableFullRiskAcceptance,
            @JsonPropertyDescription("User id") @Range(min = 1) Long productManagerId,
            @JsonPropertyDescription("User id") @Range(min = 1) Long technicalContactId,
            @JsonPropertyDescription("SLA configuration id") @Range(min = 1) Long slaConfigurationId,
            @Items(max = 20) List<String> tags) {
        public CreateProduct {
            name = Args.requiredText("name", name, NAME);
            description = Args.requiredMultiline("description", description, TEXT);
            Ids.require("product_type_id", productTypeId);
            tags = Args.tags("tags", tags);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateEngagement(
            @JsonProperty(required = true) @Range(min = 1) Long productId,
            @JsonProperty(required = true) @Format(maxLength = 300) String name,
            @JsonProperty(required = true) @JsonPropertyDescription("YYYY-MM-DD") @Format("date") String targetStart,
            @JsonProperty(required = true) @JsonPropertyDescription("YYYY-MM-DD, not before target_start")
            @Format("date") String targetEnd,
            @JsonPropertyDescription("Interactive (default) or CI/CD") @Default("Interactive")
            EngagementType engagementType,
            @JsonPropertyDescription("Default In Progress") @Default("In Progress") EngagementStatus status,
            @Format(maxLength = TEXT) String description,
            @Format(maxLength = SHORT) String version,
            @Format(maxLength = 150) String buildId,
            @Format(maxLength = 150) String commitHash,
            @Format(maxLength = 150) String branchTag,
            @JsonPropertyDescription("Source repository URL") @Format(maxLength = 600) String sourceCodeManagementUri,
            @JsonPropertyDescription("De-duplicate findings within this engagement only") Boolean deduplicationOnEngagement,
            @JsonPropertyDescription("User id of the lead") @Range(min = 1) Long leadId,
            @Items(max = 20) List<String> tags) {
        public CreateEngagement {
            Ids.require("product_id", productId);
            name = Args.requiredText("name", name, 300);
            targetStart = requiredDate("target_start", targetStart);
            targetEnd = requiredDate("target_end", targetEnd);
            if (LocalDate.parse(targetEnd).isBefore(LocalDate.parse(targetStart))) {
                throw new ToolInputException("target_end", "must not be before target_start");
            }
            if (status == EngagementStatus.COMPLETED) {
                throw new ToolInputException("status", "a new engagement cannot be Completed");
            }
            description = Args.multiline("description", description, TEXT);
            version = Args.text("version", version, SHORT);
            buildId = Args.text("build_id", buildId, 150);
            commitHash = Args.text("commit_hash", commitHash, 150);
            branchTag = Args.text("branch_tag", branchTag, 150);
            sourceCodeManagementUri = Args.text("source_code_management_uri", sourceCodeManagementUri, 600);
            tags = Args.tags("tags", tags);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateEngagement(
            @JsonProperty(required = true) @Range(min = 1) Long engagementId,
            @Format(maxLength = 300) String name,
            @Format(maxLength = TEXT) String description,
            @JsonPropertyDescription("YYYY-MM-DD") @Format("date") String targetStart,
            @JsonPropertyDescription("YYYY-MM-DD, not before target_start") @Format("date") String targetEnd,
            @JsonPropertyDescription("Any status but Completed: closing is close_engagement's job")
            EngagementStatus status,
            @Format(maxLength = SHORT) String version,
            @Format(maxLength = 150) String buildId,
            @Format(maxLength = 150) String commitHash,
            @Format(maxLength = 150) String branchTag,
            Boolean deduplicationOnEngagement,
            @Range(min = 1) Long leadId,
            @JsonPropertyDescription("Replaces the engagement's tags") @Items(max = 20) List<String> tags) {
        public UpdateEngagement {
            Ids.require("engagement_id", engagementId);
            name = Args.text("name", name, 300);
            description = Args.multiline("description", description, TEXT);
            targetStart = Args.date("target_start", targetStart);
            targetEnd = Args.date("target_end", targetEnd);
            if (status == EngagementStatus.COMPLETED) {
                throw new ToolInputException("status", "Completed is set by close_engagement, which also closes it");
            }
            version = Args.text("version", version, SHORT);
            buildId = Args.text("build_id", buildId, 150);
            commitHash = Args.text("commit_hash", commitHash, 150);
            branchTag = Args.text("branch_tag", branchTag, 150);
            tags = Args.tags("tags", tags);
            if (Stream.of(name, description, targetStart, targetEnd, status, version, buildId, commitHash, branchTag,
                    deduplicationOnEngagement, leadId, tags).allMatch(Objects::isNull)) {
                throw new ToolInputException("arguments", "name at least one field to change besides engagement_id");
            }
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateTest(
            @JsonProperty(required = true) @Range(min = 1) Long engagementId,
            @JsonPropertyDescription("Test type id (see list_test_types); or give test_type_name") @Range(min = 1)
            Long testTypeId,
            @JsonPropertyDescription("Exact test type name, e.g. \"Manual Code Review\" or \"ZAP Scan\"")
            @Format(maxLength = 200) String testTypeName,
            @Format(maxLength = 255) String title,
            @Format(maxLength = TEXT) String description,
            @JsonPropertyDescription("YYYY-MM-DD; default today") @Format("date") String targetStart,
            @JsonPropertyDescription("YYYY-MM-DD; default target_start") @Format("date") String targetEnd,
            @Format(maxLength = SHORT) String version,
            @Format(maxLength = 150) String buildId,
            @Format(maxLength = 150) String commitHash,
            @Format(maxLength = 150) String branchTag,
            @JsonPropertyDescription("Development environment id") @Range(min = 1) Long environmentId,
            @Items(max = 20) List<String> tags) {
        public CreateTest {
            Ids.require("engagement_id", engagementId);
            testTypeName = Args.text("test_type_name", testTypeName, 200);
            if ((testTypeId == null) == (testTypeName == null)) {
                throw new ToolInputException("test_type_id", "give exactly one of test_type_id and test_type_name");
            }
            title = Args.text("title", title, 255);
            description = Args.multiline("description", description, TEXT);
            targetStart = Args.date("target_start", targetStart);
            targetEnd = Args.date("target_end", targetEnd);
            if (targetStart != null && targetEnd != null
                    && LocalDate.parse(targetEnd).isBefore(LocalDate.parse(targetStart))) {
                throw new ToolInputException("target_end", "must not be before target_start");
            }
            version = Args.text("version", version, SHORT);
            buildId = Args.text("build_id", buildId, 150);
            commitHash = Args.text("commit_hash", commitHash, 150);
            branchTag = Args.text("branch_tag", branchTag, 150);
            tags = Args.tags("tags", tags);
        }
    }

    private static String requiredDate(String field, String value) {
        if (value == null) {
            throw new ToolInputException(field, "is required");
        }
        return Args.date(field, value);
    }
}
