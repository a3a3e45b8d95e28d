package dev.dojomcp.imports.qai;

import tools.jackson.databind.JsonNode;

/**
 * One finding as read from either report shape, before mapping. Strings are as reported (not yet sanitised)
 * and never null; objects are null when absent or unreadable.
 *
 * @param index        zero-based position in the report's {@code findings} list
 * @param ruleId       qai rule id ({@code QAI-AUTH-002}, {@code CTPF-AUTH-002}); empty when the report has none
 * @param module       qai module that produced the finding ({@code audit} for the CLI report)
 * @param owaspId      the CLI's top-level {@code owasp_id} copy; empty when absent
 * @param frameworkIds {@code framework_ids} as an object, or null
 * @param metadata     the CLI's {@code metadata} object, or null
 * @param mitigation   qai's structured {@code mitigation} object, or null
 * @param timestamp    ISO-8601 time of the finding, or empty
 */
record QaiFinding(int index, String ruleId, String module, String category, String title, String description,
        QaiSeverity severity, String evidence, String remediation, String toolName, String owaspId,
        JsonNode frameworkIds, JsonNode metadata, JsonNode mitigation, String timestamp) {
}
