package dev.dojomcp.sandbox;

import java.util.Map;

/**
 * How reimport (and import's close_old_findings) recognises a finding again: DefectDojo's
 * {@code DEDUPLICATION_ALGORITHM_PER_PARSER}, looked up by test type name, then by scan type, defaulting to
 * legacy. Only the entries of the two parsed scan types are kept; other scan types produce no findings here.
 */
enum DedupeAlgorithm {
    /** Title (case-insensitive) and severity. */
    LEGACY,
    /** The legacy hash_code: title, cwe, line, file_path, description (plus the service). */
    HASH_CODE,
    UNIQUE_ID_FROM_TOOL,
    /** Either the same unique_id_from_tool or the same hash_code. */
    UNIQUE_ID_FROM_TOOL_OR_HASH_CODE;

    private static final Map<String, DedupeAlgorithm> PER_PARSER = Map.of(
            ReportParsers.GENERIC, HASH_CODE,
            ReportParsers.SARIF, UNIQUE_ID_FROM_TOOL_OR_HASH_CODE);

    static DedupeAlgorithm of(String testTypeName, String scanType) {
        DedupeAlgorithm byType = testTypeName == null ? null : PER_PARSER.get(testTypeName);
        if (byType != null) {
            return byType;
        }
        return scanType == null ? LEGACY : PER_PARSER.getOrDefault(scanType, LEGACY);
    }

    /** The hash a finding is matched on; DefectDojo always adds the service to hash_code. */
    static String hashKey(FindingRecord f) {
        String hash = f.hashCodeValue();
        return hash == null ? null : f.service == null || f.service.isEmpty() ? hash : hash + "\u0000" + f.service;
    }
}
