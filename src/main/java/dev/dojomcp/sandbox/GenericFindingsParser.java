package dev.dojomcp.sandbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON flavour of DefectDojo's "Generic Findings Import" parser: {@code {"findings": [{...}]}} with
 * {@code title}, {@code severity} and {@code description} per finding plus optional fields. The CSV flavour is
 * not modelled. Findings are returned unsaved (no id, no test).
 */
final class GenericFindingsParser {
    static final String SCAN_TYPE = "Generic Findings Import";

    private GenericFindingsParser() {
    }

    /** @throws IllegalArgumentException with a message for the 400 answer */
    static List<FindingRecord> parse(byte[] content, SandboxStore store) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(content);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid format: the report is not valid JSON.");
        }
        JsonNode items = root == null ? null : root.get("findings");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("Invalid format: the report has no \"findings\" list.");
        }
        List<FindingRecord> findings = new ArrayList<>();
        for (JsonNode item : items) {
            findings.add(finding(item, store));
        }
        return findings;
    }

    private static FindingRecord finding(JsonNode item, SandboxStore store) {
        String title = text(item, "title");
        String severity = text(item, "severity");
        if (title == null || severity == null) {
            throw new IllegalArgumentException("Invalid format: every finding needs a title and a severity.");
        }
        if (!FindingWriter.SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("Invalid severity \"" + severity + "\".");
        }
        FindingRecord f = new FindingRecord();
        f.title = store.intern(title);
        f.severity = (byte) Severity.parseLenient(severity).ordinal();
        f.description = text(item, "description");
        f.mitigation = text(item, "mitigation");
        f.impact = text(item, "impact");
        f.references = text(item, "references");
        f.filePath = text(item, "file_path");
        f.componentName = text(item, "component_name");
        f.componentVersion = text(item, "component_version");
        f.uniqueIdFromTool = text(item, "unique_id_from_tool");
        f.vulnIdFromTool = text(item, "vuln_id_from_tool");
        f.url = text(item, "url");
        f.cwe = item.path("cwe").asInt(0);
        f.line = item.path("line").asInt(FindingRecord.NO_ID);
        String date = text(item, "date");
        if (date != null) {
            try {
                f.date = (int) LocalDate.parse(date).toEpochDay();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Invalid date \"" + date + "\".");
            }
        }
        // Parser defaults: active unless the report says otherwise; the other flags default to false.
        f.set(FindingRecord.ACTIVE, item.path("active").asBoolean(true));
        f.set(FindingRecord.VERIFIED, item.path("verified").asBoolean(false));
        f.set(FindingRecord.FALSE_P, item.path("false_p").asBoolean(false));
        f.set(FindingRecord.DUPLICATE, item.path("duplicate").asBoolean(false));
        f.set(FindingRecord.OUT_OF_SCOPE, item.path("out_of_scope").asBoolean(false));
        f.set(FindingRecord.IS_MITIGATED, item.path("is_mitigated").asBoolean(false));
        f.set(FindingRecord.STATIC_FINDING, item.path("static_finding").asBoolean(false));
        f.set(FindingRecord.DYNAMIC_FINDING, item.path("dynamic_finding").asBoolean(false));
        LinkedHashSet<String> vulnerabilityIds = new LinkedHashSet<>();
        if (text(item, "cve") != null) {
            vulnerabilityIds.add(text(item, "cve"));
        }
        for (JsonNode id : item.path("vulnerability_ids")) {
            JsonNode value = id.isObject() ? id.get("vulnerability_id") : id;
            if (value != null && value.isString()) {
                vulnerabilityIds.add(value.asString());
            }
        }
        f.vulnerabilityIds = vulnerabilityIds.toArray(String[]::new);
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : item.path("tags")) {
            tags.add(tag.asString());
        }
        f.tags = store.tags(tags);
        f.set(FindingRecord.DERIVED_HASH, true);
        return f;
    }

    private static String text(JsonNode item, String name) {
        JsonNode node = item.get(name);
        return node == null || node.isNull() ? null : node.asString();
    }
}
