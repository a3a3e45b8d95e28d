package dev.dojomcp.imports;

import dev.dojomcp.defectdojo.Multipart;

/**
 * The multipart form DefectDojo's import-scan and reimport-scan take. Booleans that DefectDojo
 * defaults differently per endpoint (close_old_findings) are always sent; active and verified only
 * when given, because their absence means "as the parser says".
 */
final class ImportForm {
    private ImportForm() {
    }

    /** The shared fields; the caller adds its endpoint's own fields and then the file. */
    static Multipart of(ScanImportArgs in, String scanType, boolean closeOldFindings) {
        Multipart form = new Multipart()
                .field("scan_type", scanType)
                .field("product_type_name", in.productTypeName())
                .field("product_name", in.productName())
                .field("engagement_name", in.engagementName())
                .field("test_title", in.testTitle())
                .field("auto_create_context", Boolean.TRUE.equals(in.autoCreateContext()))
                .field("deduplication_on_engagement", in.deduplicationOnEngagement())
                .field("engagement_end_date", in.engagementEndDate())
                .field("source_code_management_uri", in.sourceCodeManagementUri())
                .field("scan_date", in.scanDate())
                .field("minimum_severity", in.minimumSeverity() == null ? null : in.minimumSeverity().name())
                .field("active", in.active())
                .field("verified", in.verified())
                .field("endpoint_to_add", in.endpointToAdd())
                .field("lead", in.leadId())
                .field("push_to_jira", in.pushToJira())
                .field("deduplication_execution_mode", in.deduplicationExecutionMode() == null ? null
                        : in.deduplicationExecutionMode().wire())
                .field("environment", in.environment())
                .field("version", in.version())
                .field("build_id", in.buildId())
                .field("branch_tag", in.branchTag())
                .field("commit_hash", in.commitHash())
                .field("api_scan_configuration", in.apiScanConfigurationId())
                .field("service", in.service())
                .field("group_by", in.groupBy() == null ? null : in.groupBy().wire())
                .field("create_finding_groups_for_all_findings", in.createFindingGroupsForAllFindings())
                .fields("tags", in.tags())
                .field("apply_tags_to_findings", in.applyTagsToFindings())
                .field("apply_tags_to_endpoints", in.applyTagsToEndpoints())
                // Reimport closes absent findings unless told otherwise (trap 11): always say which.
                .field("close_old_findings", closeOldFindings);
        return form;
    }
}
