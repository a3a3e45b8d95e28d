package dev.dojomcp.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dojomcp.findings.Severity;
import dev.dojomcp.tools.JsonNames;
import java.util.List;

/** The DefectDojo import form fields that import_scan and reimport_scan share. */
public interface ScanImportArgs {
    enum DeduplicationMode {
        @JsonProperty("async") ASYNC, @JsonProperty("async_wait") ASYNC_WAIT, @JsonProperty("sync") SYNC;

        String wire() {
            return JsonNames.of(this);
        }
    }

    enum GroupBy {
        @JsonProperty("component_name") COMPONENT_NAME,
        @JsonProperty("component_name+component_version") COMPONENT_NAME_AND_VERSION,
        @JsonProperty("file_path") FILE_PATH, @JsonProperty("finding_title") FINDING_TITLE,
        @JsonProperty("vuln_id_from_tool") VULN_ID_FROM_TOOL;

        String wire() {
            return JsonNames.of(this);
        }
    }

    String scanType();

    String fileContentBase64();

    String filePath();

    String fileName();

    String productTypeName();

    String productName();

    String engagementName();

    String testTitle();

    Boolean autoCreateContext();

    Boolean deduplicationOnEngagement();

    String engagementEndDate();

    String sourceCodeManagementUri();

    String scanDate();

    Severity minimumSeverity();

    Boolean active();

    Boolean verified();

    Long endpointToAdd();

    Long leadId();

    Boolean pushToJira();

    DeduplicationMode deduplicationExecutionMode();

    String environment();

    String version();

    String buildId();

    String branchTag();

    String commitHash();

    Long apiScanConfigurationId();

    String service();

    GroupBy groupBy();

    Boolean createFindingGroupsForAllFindings();

    List<String> tags();

    Boolean applyTagsToFindings();

    Boolean applyTagsToEndpoints();

    Boolean closeOldFindings();
}
