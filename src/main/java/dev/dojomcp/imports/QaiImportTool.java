package dev.dojomcp.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.defectdojo.Multipart;
import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.defectdojo.model.Engagement;
import dev.dojomcp.defectdojo.model.Product;
import dev.dojomcp.defectdojo.model.Test;
import dev.dojomcp.findings.Severity;
import dev.dojomcp.imports.qai.QaiConversion;
import dev.dojomcp.imports.qai.QaiConverter;
import dev.dojomcp.imports.qai.QaiFormatException;
import dev.dojomcp.tools.Args;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.StateRuleViolation;
import dev.dojomcp.tools.TextRendering;
import dev.dojomcp.tools.ToolContext;
import dev.dojomcp.tools.ToolHints;
import dev.dojomcp.tools.ToolInputException;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import dev.dojomcp.tools.WriteOutcome;
import dev.dojomcp.tools.WriteSteps;
import dev.dojomcp.tools.schema.Default;
import dev.dojomcp.tools.schema.Format;
import dev.dojomcp.tools.schema.Items;
import dev.dojomcp.tools.schema.Range;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code import_qai_findings}: a qai MCP-security audit report (CLI JSON or the web UI's run bundle)
 * converted to DefectDojo's Generic Findings Import with stable titles and ids, then imported into a
 * fixed test the first time and reimported into it afterwards, so a repeated scan de-duplicates.
 */
public final class QaiImportTool {
    static final String SCAN_TYPE = "Generic Findings Import";
    static final String DEFAULT_TEST_TITLE = "qai MCP security audit";

    private QaiImportTool() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ImportQai(
            @JsonPropertyDescription("The qai report (qai audit scan --format json, or the UI's Export JSON), base64")
            String reportContentBase64,
            @JsonPropertyDescription("The report's path inside the server's IMPORT_DIR") @Format(maxLength = 4096)
            String filePath,
            @JsonPropertyDescription("Target engagement; or give product_name and engagement_name") @Range(min = 1)
            Long engagementId,
            @Format(maxLength = 255) String productTypeName,
            @Format(maxLength = 255) String productName,
            @Format(maxLength = 255) String engagementName,
            @JsonPropertyDescription("Create the product type, product and engagement named when missing")
            @Default("false") Boolean autoCreateContext,
            @JsonPropertyDescription("The test the findings live in, found again on every run") @Default(DEFAULT_TEST_TITLE)
            @Format(maxLength = 255) String testTitle,
            @JsonPropertyDescription("Close findings the new report no longer has (they were fixed); default true")
            @Default("true") Boolean closeOldFindings,
            @Default("false") Boolean doNotReactivate,
            Severity minimumSeverity,
            @JsonPropertyDescription("Tags of the test") @Items(max = 20) List<String> tags,
            @Format(maxLength = 100) String version,
            @Format(maxLength = 150) String buildId,
            @Format(maxLength = 150) String branchTag,
            @Format(maxLength = 150) String commitHash) {
        public ImportQai {
            productTypeName = Args.text("product_type_name", productTypeName, 255);
            productName = Args.text("product_name", productName, 255);
            engagementName = Args.text("engagement_name", engagementName, 255);
            if ((engagementId == null) == (productName == null || engagementName == null)) {
                throw new ToolInputException("engagement_id",
                        "give engagement_id, or product_name with engagement_name (not both)");
            }
            testTitle = testTitle == null ? DEFAULT_TEST_TITLE : Args.text("test_title", testTitle, 255);
            tags = Args.tags("tags", tags);
            version = Args.text("version", version, 100);
            buildId = Args.text("build_id", buildId, 150);
            branchTag = Args.text("branch_tag", branchTag, 150);
            commitHash = Args.text("commit_hash", commitHash, 150);
        }
    }

    /** The import's result and what the report held. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QaiImport(
            @JsonPropertyDescription("cli-json or run-bundle") String reportShape,
            @JsonPropertyDescription("Findings in the qai report (before minimum_severity)") int findingsInReport,
            @JsonPropertyDescription("Report findings by DefectDojo severity") Map<String, Integer> reportBySeverity,
            @JsonProperty("import") ImportResult importResult) implements TextRendering {
        @Override
        public String asText() {
            return "qai " + reportShape + " report: " + findingsInReport + " finding(s) " + reportBySeverity + "\n"
                    + (importResult == null ? "" : importResult.asText());
        }
    }

    static ToolSpec<ImportQai, WriteOutcome<QaiImport>> spec() {
        return ToolSpec.named("import_qai_findings", ImportQai.class)
                .title("Import a qai MCP security audit")
                .description("Import a qai audit report (CLI --format json with string severities, or the web UI's "
                        + "Export JSON bundle with integer severities) as DefectDojo Generic Findings: severities "
                        + "mapped correctly, titles and descriptions kept stable across runs, unique ids per rule and "
                        + "tool, OWASP MCP Top 10 and CWE kept. The first run imports into a test titled test_title; "
                        + "later runs reimport into it, so repeating a scan creates no duplicates and closes fixed "
                        + "findings. For qai's SARIF output use import_scan/reimport_scan with scan_type SARIF.")
                .hints(ToolHints.CHANGES_IDEMPOTENT).permission(PermissionGroup.SCAN_MGMT).toolset(Toolset.IMPORTS)
                .handler(WriteOutcome.class, new Type[] {QaiImport.class}, (ctx, in) -> WriteSteps.execute(
                        "import_qai_findings", w -> {
                            ReportSource report = ReportSource.resolve(ctx.writes(), in.reportContentBase64(),
                                    in.filePath(), "qai-report.json");
                            QaiConversion converted;
                            try {
                                converted = QaiConverter.convert(report.content());
                            } catch (QaiFormatException e) {
                                throw new ToolInputException(in.filePath() != null ? "file_path"
                                        : "report_content_base64", e.getMessage());
                            }
                            ReportSource generic = new ReportSource("qai-findings.json",
                                    converted.genericFindingsJson());
                            boolean closeOld = in.closeOldFindings() == null || in.closeOldFindings();
                            Long engagementId = in.engagementId();
                            if (engagementId == null && !Boolean.TRUE.equals(in.autoCreateContext())) {
                                engagementId = engagementByName(ctx, in);
                            }
                            Multipart form = form(in, closeOld);
                            String endpoint;
                            if (engagementId == null) {
                                // Names with auto_create_context: DefectDojo finds the test, or creates it all.
                                form.field("product_type_name", in.productTypeName())
                                        .field("product_name", in.productName())
                                        .field("engagement_name", in.engagementName())
                                        .field("auto_create_context", true);
                                endpoint = "reimport-scan/";
                            } else {
                                Long testId = existingTest(ctx, engagementId, in.testTitle());
                                if (testId != null) {
                                    form.field("test", testId);
                                    endpoint = "reimport-scan/";
                                } else {
                                    form.field("engagement", engagementId);
                                    endpoint = "import-scan/";
                                }
                            }
                            WriteOutcome<ImportResult> imported = ImportTools.upload(ctx, w, endpoint, form, generic,
                                    SCAN_TYPE, closeOld);
                            return w.committed(imported.message() + " (" + converted.findingCount()
                                    + " qai findings)", new QaiImport(converted.shape(), converted.findingCount(),
                                    converted.bySeverity(), imported.result()));
                        }));
    }

    private static Multipart form(ImportQai in, boolean closeOld) {
        return new Multipart()
                .field("scan_type", SCAN_TYPE)
                .field("test_title", in.testTitle())
                .field("close_old_findings", closeOld)
                .field("do_not_reactivate", Boolean.TRUE.equals(in.doNotReactivate()))
                .field("minimum_severity", in.minimumSeverity() == null ? null : in.minimumSeverity().name())
                .fields("tags", in.tags())
                .field("version", in.version())
                .field("build_id", in.buildId())
                .field("branch_tag", in.branchTag())
                .field("commit_hash", in.commitHash());
    }

    /** The named engagement, which must exist when nothing may be created. */
    private static Long engagementByName(ToolContext ctx, ImportQai in) {
        List<Product> products = ctx.dojo().list(Query.on(Resource.PRODUCTS).set("name_exact", in.productName()), 2, 0,
                Product.class).results();
        StateRuleViolation.check(products.size() != 1, "product_name",
                "names no product (set auto_create_context to create it)");
        List<Engagement> engagements = ctx.dojo().list(Query.on(Resource.ENGAGEMENTS)
                .set("product", products.get(0).id()).set("name", in.engagementName()).set("o", "-created"), 1, 0,
                Engagement.class).results();
        StateRuleViolation.check(engagements.isEmpty(), "engagement_name",
                "names no engagement of that product (set auto_create_context to create it)");
        return engagements.get(0).id();
    }

    /** The latest Generic Findings Import test with this title in the engagement, if any. */
    private static Long existingTest(ToolContext ctx, long engagementId, String title) {
        List<Test> tests = ctx.dojo().list(Query.on(Resource.TESTS).set("engagement", engagementId)
                .set("scan_type", SCAN_TYPE).set("title", title).set("o", "-created"), 1, 0, Test.class).results();
        return tests.isEmpty() ? null : tests.get(0).id();
    }
}
