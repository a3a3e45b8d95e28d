package dev.dojomcp.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.findings.Severity;
import dev.dojomcp.tools.Args;
import dev.dojomcp.tools.ToolInputException;
import dev.dojomcp.tools.schema.Default;
import dev.dojomcp.tools.schema.Format;
import dev.dojomcp.tools.schema.Items;
import dev.dojomcp.tools.schema.Range;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Input records of import_scan and reimport_scan: every field of DefectDojo's import form. The two
 * records repeat the shared fields because records cannot inherit them; {@link ScanImportArgs},
 * {@link #checkShared} and {@link ImportForm} keep their handling in one place.
 */
public final class ImportInputs {
    static final String SCAN_TYPE = "DefectDojo scan type, exactly as list_test_types names it (e.g. \"SARIF\", "
            + "\"ZAP Scan\", \"Generic Findings Import\")";
    static final String BASE64 = "The report, base64-encoded (use file_path for large reports)";
    static final String PATH = "The report's path, relative to (or inside) the server's IMPORT_DIR";
    static final String NAME = "Report file name; its extension tells DefectDojo the format. Required with "
            + "file_content_base64";

    private ImportInputs() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ImportScan(
            @JsonProperty(required = true) @JsonPropertyDescription(SCAN_TYPE) @Format(maxLength = 200) String scanType,
            @JsonPropertyDescription(BASE64) String fileContentBase64,
            @JsonPropertyDescription(PATH) @Format(maxLength = 4096) String filePath,
            @JsonPropertyDescription(NAME) @Format(maxLength = 255) String fileName,
            @JsonPropertyDescription("Target engagement; or give product_name and engagement_name") @Range(min = 1)
            Long engagementId,
            @Format(maxLength = 255) String productTypeName,
            @Format(maxLength = 255) String productName,
            @Format(maxLength = 255) String engagementName,
            @JsonPropertyDescription("Title of the new test") @Format(maxLength = 255) String testTitle,
            @JsonPropertyDescription("Create the product type, product and engagement named when missing")
            @Default("false") Boolean autoCreateContext,
            Boolean deduplicationOnEngagement,
            @JsonPropertyDescription("End date of an auto-created engagement") @Format("date") String engagementEndDate,
            @Format(maxLength = 600) String sourceCodeManagementUri,
            @JsonPropertyDescription("Date to give every finding (not in the future)") @Format("date") String scanDate,
            @JsonPropertyDescription("Drop findings below this severity") Severity minimumSeverity,
            @JsonPropertyDescription("Override the parser's active flag") Boolean active,
            @JsonPropertyDescription("Override the parser's verified flag") Boolean verified,
            @Range(min = 1) Long endpointToAdd,
            @JsonPropertyDescription("User id of the test lead") @Range(min = 1) Long leadId,
            Boolean pushToJira,
            ScanImportArgs.DeduplicationMode deduplicationExecutionMode,
            @JsonPropertyDescription("Development environment name, default Development") @Format(maxLength = 200)
            String environment,
            @Format(maxLength = 100) String version,
            @Format(maxLength = 150) String buildId,
            @Format(maxLength = 150) String branchTag,
            @Format(maxLength = 150) String commitHash,
            @Range(min = 1) Long apiScanConfigurationId,
            @JsonPropertyDescription("Scopes de-duplication and closing of old findings") @Format(maxLength = 200)
            String service,
            ScanImportArgs.GroupBy groupBy,
            Boolean createFindingGroupsForAllFindings,
            @JsonPropertyDescription("Tags of the new test") @Items(max = 20) List<String> tags,
            Boolean applyTagsToFindings,
            Boolean applyTagsToEndpoints,
            @JsonPropertyDescription("Close active findings of this scan type in the engagement that are not in "
                    + "the report") @Default("false") Boolean closeOldFindings,
            @JsonPropertyDescription("With close_old_findings: look across the whole product") @Default("false")
            Boolean closeOldFindingsProductScope) implements ScanImportArgs {
        public ImportScan {
            scanType = Args.requiredText("scan_type", scanType, 200);
            tags = checkShared(fileName, productTypeName, productName, engagementName, testTitle, engagementEndDate,
                    scanDate, sourceCodeManagementUri, environment, version, buildId, branchTag, commitHash, service,
                    tags);
            if ((engagementId == null) == (productName == null || engagementName == null)) {
                throw new ToolInputException("engagement_id",
                        "give engagement_id, or product_name with engagement_name (not both)");
            }
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReimportScan(
            @JsonProperty(required = true) @JsonPropertyDescription(SCAN_TYPE) @Format(maxLength = 200) String scanType,
            @JsonPropertyDescription(BASE64) String fileContentBase64,
            @JsonPropertyDescription(PATH) @Format(maxLength = 4096) String filePath,
            @JsonPropertyDescription(NAME) @Format(maxLength = 255) String fileName,
            @JsonPropertyDescription("The test to reimport into; or give product_name, engagement_name (and "
                    + "test_title) to pick the latest matching test") @Range(min = 1) Long testId,
            @Format(maxLength = 255) String productTypeName,
            @Format(maxLength = 255) String productName,
            @Format(maxLength = 255) String engagementName,
            @JsonPropertyDescription("Pick the latest test with this title and scan type") @Format(maxLength = 255)
            String testTitle,
            @JsonPropertyDescription("When no test matches, create what is missing and import instead")
            @Default("false") Boolean autoCreateContext,
            Boolean deduplicationOnEngagement,
            @Format("date") String engagementEndDate,
            @Format(maxLength = 600) String sourceCodeManagementUri,
            @Format("date") String scanDate,
            Severity minimumSeverity,
            Boolean active,
            Boolean verified,
            @Range(min = 1) Long endpointToAdd,
            @Range(min = 1) Long leadId,
            Boolean pushToJira,
            ScanImportArgs.DeduplicationMode deduplicationExecutionMode,
            @Format(maxLength = 200) String environment,
            @Format(maxLength = 100) String version,
            @Format(maxLength = 150) String buildId,
            @Format(maxLength = 150) String branchTag,
            @Format(maxLength = 150) String commitHash,
            @Range(min = 1) Long apiScanConfigurationId,
            @Format(maxLength = 200) String service,
            ScanImportArgs.GroupBy groupBy,
            Boolean createFindingGroupsForAllFindings,
            @JsonPropertyDescription("Tags of the test (replace its current tags)") @Items(max = 20) List<String> tags,
            Boolean applyTagsToFindings,
            Boolean applyTagsToEndpoints,
            @JsonPropertyDescription("Close findings of the test that are not in the new report (default true, as "
                    + "in DefectDojo)") @Default("true") Boolean closeOldFindings,
            @JsonPropertyDescription("Leave closed findings closed when they reappear") @Default("false")
            Boolean doNotReactivate) implements ScanImportArgs {
        public ReimportScan {
            scanType = Args.requiredText("scan_type", scanType, 200);
            tags = checkShared(fileName, productTypeName, productName, engagementName, testTitle, engagementEndDate,
                    scanDate, sourceCodeManagementUri, environment, version, buildId, branchTag, commitHash, service,
                    tags);
            if ((testId == null) == (productName == null || engagementName == null)) {
                throw new ToolInputException("test_id",
                        "give test_id, or product_name with engagement_name (not both)");
            }
        }
    }

    /** Checks of the fields both records have, from their constructors; returns the normalised tags. */
    static List<String> checkShared(String fileName, String productTypeName, String productName,
            String engagementName, String testTitle, String engagementEndDate, String scanDate,
            String sourceCodeManagementUri, String environment, String version, String buildId, String branchTag,
            String commitHash, String service, List<String> tags) {
        if (fileName != null) {
            ReportSource.checkName(fileName);
        }
        Args.text("product_type_name", productTypeName, 255);
        Args.text("product_name", productName, 255);
        Args.text("engagement_name", engagementName, 255);
        Args.text("test_title", testTitle, 255);
        Args.date("engagement_end_date", engagementEndDate);
        Args.date("scan_date", scanDate);
        Args.text("source_code_management_uri", sourceCodeManagementUri, 600);
        Args.text("environment", environment, 200);
        Args.text("version", version, 100);
        Args.text("build_id", buildId, 150);
        Args.text("branch_tag", branchTag, 150);
        Args.text("commit_hash", commitHash, 150);
        Args.text("service", service, 200);
        return Args.tags("tags", tags);
    }
}
