package dev.dojomcp.imports;

import dev.dojomcp.defectdojo.Multipart;
import dev.dojomcp.imports.ImportInputs.ImportScan;
import dev.dojomcp.imports.ImportInputs.ReimportScan;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.ToolContext;
import dev.dojomcp.tools.ToolHints;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import dev.dojomcp.tools.WriteOutcome;
import dev.dojomcp.tools.WriteSteps;
import java.lang.reflect.Type;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Scanner report imports: {@code import-scan} creates a test, {@code reimport-scan} updates one so
 * that a repeated scan closes fixed findings, reopens returning ones and adds only new ones. The
 * report is uploaded as multipart (DefectDojo takes nothing else), with progress notifications.
 */
public final class ImportTools {
    static final Type[] RESULT = {ImportResult.class};

    private ImportTools() {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(importScan(), reimportScan(), QaiImportTool.spec());
    }

    static ToolSpec<ImportScan, WriteOutcome<ImportResult>> importScan() {
        return ToolSpec.named("import_scan", ImportScan.class)
                .title("Import a scan report")
                .description("Import a scanner report into a new test, by engagement id or by product and engagement "
                        + "name (auto_create_context creates what is missing). The report comes as base64 "
                        + "(file_content_base64 + file_name) or as a file_path inside the server's IMPORT_DIR. "
                        + "scan_type must be one of DefectDojo's test types (list_test_types). Every DefectDojo import "
                        + "field is supported. Answers with the test, engagement and product ids and the counts of "
                        + "new, reactivated, closed and untouched findings. For repeated scans use reimport_scan, "
                        + "which de-duplicates against the previous run.")
                .hints(ToolHints.CHANGES).permission(PermissionGroup.SCAN_MGMT).toolset(Toolset.IMPORTS)
                .handler(WriteOutcome.class, RESULT, (ctx, in) -> WriteSteps.execute("import_scan", w -> {
                    ReportSource report = ReportSource.resolve(ctx.writes(), in.fileContentBase64(), in.filePath(),
                            in.fileName());
                    String scanType = ScanTypes.canonical(ctx.dojo(), in.scanType());
                    boolean closeOld = Boolean.TRUE.equals(in.closeOldFindings());
                    Multipart form = ImportForm.of(in, scanType, closeOld)
                            .field("engagement", in.engagementId())
                            .field("close_old_findings_product_scope",
                                    Boolean.TRUE.equals(in.closeOldFindingsProductScope()));
                    return upload(ctx, w, "import-scan/", form, report, scanType, closeOld);
                }));
    }

    static ToolSpec<ReimportScan, WriteOutcome<ImportResult>> reimportScan() {
        return ToolSpec.named("reimport_scan", ReimportScan.class)
                .title("Reimport a scan report")
                .description("Reimport a scanner report into an existing test (by test_id, or the latest test of that "
                        + "scan type in the named product and engagement, optionally with test_title): findings "
                        + "still reported stay untouched, returning ones are reactivated (unless do_not_reactivate), "
                        + "new ones are added and, with close_old_findings (default true), missing ones are closed. "
                        + "Running the same report twice leaves one set of findings. With auto_create_context a "
                        + "missing test is created by a fresh import. Report as in import_scan.")
                .hints(ToolHints.CHANGES_IDEMPOTENT).permission(PermissionGroup.SCAN_MGMT).toolset(Toolset.IMPORTS)
                .handler(WriteOutcome.class, RESULT, (ctx, in) -> WriteSteps.execute("reimport_scan", w -> {
                    ReportSource report = ReportSource.resolve(ctx.writes(), in.fileContentBase64(), in.filePath(),
                            in.fileName());
                    String scanType = ScanTypes.canonical(ctx.dojo(), in.scanType());
                    boolean closeOld = in.closeOldFindings() == null || in.closeOldFindings();
                    Multipart form = ImportForm.of(in, scanType, closeOld)
                            .field("test", in.testId())
                            .field("do_not_reactivate", Boolean.TRUE.equals(in.doNotReactivate()));
                    return upload(ctx, w, "reimport-scan/", form, report, scanType, closeOld);
                }));
    }

    static WriteOutcome<ImportResult> upload(ToolContext ctx, WriteSteps w, String endpoint, Multipart form,
            ReportSource report, String scanType, boolean closeOld) {
        form.file("file", report.fileName(), report.content());
        JsonNode answer;
        try (UploadNotifier notifier = new UploadNotifier(ctx.progress())) {
            answer = w.run(endpoint.replace("-scan/", ""), () -> ctx.dojo().upload(endpoint, form, notifier));
        }
        ImportResult result = ImportResult.from(answer, scanType, closeOld);
        if (result.testId() != null) {
            w.id("test_id", result.testId());
        }
        if (result.engagementId() != null) {
            w.id("engagement_id", result.engagementId());
        }
        if (result.productId() != null) {
            w.id("product_id", result.productId());
        }
        return w.committed((result.reimported() ? "reimported " : "imported ") + report.content().length
                + " bytes of " + scanType, result);
    }
}
