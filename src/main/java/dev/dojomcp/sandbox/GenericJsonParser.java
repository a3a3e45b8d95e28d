package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The JSON flavour of "Generic Findings Import" ({@code dojo/tools/generic/json_parser.py}):
 * {@code {"findings": [{…}]}} plus optional test metadata ({@code name}, {@code type}, {@code version},
 * {@code description}). Each finding needs {@code title}, {@code severity} and {@code description}; a key
 * outside DefectDojo's allowed list stops the import. Numeric fields that hold no number are dropped, as
 * DefectDojo does. Endpoints and attached files are accepted and ignored (the sandbox does not model them).
 */
final class GenericJsonParser {
    /** Keys the parser takes off the finding before checking the rest. */
    private static final Set<String> POPPED = Set.of("endpoints", "files", "tags", "vulnerability_ids", "cwes");
    private static final Set<String> REQUIRED = Set.of("title", "severity", "description");
    /** DefectDojo's allowed finding keys (json_parser.py), besides the popped and the required ones. */
    private static final Set<String> ALLOWED = Set.of("date", "cwe", "cve", "epss_score", "epss_percentile",
            "cvssv3", "cvssv3_score", "cvssv4", "cvssv4_score", "mitigation", "impact", "steps_to_reproduce",
            "severity_justification", "references", "active", "verified", "false_p", "out_of_scope",
            "risk_accepted", "under_review", "is_mitigated", "thread_id", "mitigated", "numerical_severity", "param",
            "payload", "line", "file_path", "component_name", "component_version", "static_finding",
            "dynamic_finding", "scanner_confidence", "unique_id_from_tool", "vuln_id_from_tool",
            "sast_source_object", "sast_sink_object", "sast_source_line", "sast_source_file_path", "nb_occurences",
            "publish_date", "service", "planned_remediation_date", "planned_remediation_version",
            "effort_for_fixing", "tags", "kev_date", "known_exploited", "ransomware_used", "fix_available",
            "fix_version");

    private GenericJsonParser() {
    }

    static ParsedReport parse(byte[] content, SandboxStore store) {
        JsonNode root = ReportJson.read(content);
        if (!root.isObject()) {
            // DefectDojo fails on a non-object document with an AttributeError (a 500); the sandbox answers 400.
            throw new ReportError("Invalid format: the report must be a JSON object with a \"findings\" list.");
        }
        JsonNode items = root.get("findings");
        List<ParsedReport.Item> findings = new ArrayList<>();
        if (items != null && !items.isNull()) {
            if (!items.isArray()) {
                throw new ReportError("Invalid format: \"findings\" must be a list.");
            }
            for (JsonNode item : items) {
                if (!item.isObject()) {
                    throw new ReportError("Invalid format: every entry of \"findings\" must be an object.");
                }
                findings.add(finding(item, store));
            }
        }
        String type = ReportJson.text(root, "type");
        return new ParsedReport(findings, type == null ? ReportParsers.GENERIC : type,
                ReportJson.text(root, "description"), true);
    }

    private static ParsedReport.Item finding(JsonNode item, SandboxStore store) {
        FindingRecord f = new FindingRecord();
        Set<String> keys = new TreeSet<>(item.propertyNames());
        keys.removeAll(POPPED);
        if (keys.contains("date")) {
            f.date = (int) ReportDates.parse(dateText(item, "date")).date().toEpochDay();
        }
        if (keys.contains("mitigated")) {
            f.mitigated = ReportDates.parse(dateText(item, "mitigated")).epochMillis();
        }
        List<String> missing = new ArrayList<>(new TreeSet<>(REQUIRED));
        missing.removeAll(keys);
        if (!missing.isEmpty()) {
            throw new ReportError("Required fields are missing: " + PythonText.repr(missing));
        }
        List<String> notAllowed = new ArrayList<>();
        for (String key : keys) {
            if (!ALLOWED.contains(key) && !REQUIRED.contains(key)) {
                notAllowed.add(key);
            }
        }
        if (!notAllowed.isEmpty()) {
            throw new ReportError("Not allowed fields are present: " + PythonText.repr(notAllowed));
        }
        String title = ReportJson.text(item, "title");
        String severity = ReportJson.text(item, "severity");
        String description = ReportJson.text(item, "description");
        if (title == null || severity == null || description == null) {
            // Present but null: DefectDojo fails later with a 500; the sandbox answers 400.
            throw new ReportError("Invalid format: title, severity and description must not be null.");
        }
        f.title = store.intern(title);
        f.description = description;
        f.mitigation = ReportJson.text(item, "mitigation");
        f.impact = ReportJson.text(item, "impact");
        f.stepsToReproduce = ReportJson.text(item, "steps_to_reproduce");
        f.severityJustification = ReportJson.text(item, "severity_justification");
        f.references = ReportJson.text(item, "references");
        f.param = ReportJson.text(item, "param");
        f.payload = ReportJson.text(item, "payload");
        f.filePath = ReportJson.text(item, "file_path");
        f.componentName = ReportJson.text(item, "component_name");
        f.componentVersion = ReportJson.text(item, "component_version");
        f.uniqueIdFromTool = ReportJson.text(item, "unique_id_from_tool");
        f.vulnIdFromTool = ReportJson.text(item, "vuln_id_from_tool");
        f.sastSourceObject = ReportJson.text(item, "sast_source_object");
        f.sastSinkObject = ReportJson.text(item, "sast_sink_object");
        f.sastSourceFilePath = ReportJson.text(item, "sast_source_file_path");
        f.service = ReportJson.text(item, "service");
        f.plannedRemediationVersion = ReportJson.text(item, "planned_remediation_version");
        f.effortForFixing = ReportJson.text(item, "effort_for_fixing");
        f.fixVersion = ReportJson.text(item, "fix_version");
        f.cvssv3 = ReportJson.text(item, "cvssv3");
        numbers(item, f);
        dates(item, f);
        flags(item, f);
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        String cve = ReportJson.text(item, "cve");
        if (cve != null && !cve.isEmpty()) {
            ids.add(cve);
        }
        JsonNode vulnerabilityIds = item.get("vulnerability_ids");
        if (vulnerabilityIds != null && vulnerabilityIds.isString()) {
            ids.add(vulnerabilityIds.asString());
        } else if (vulnerabilityIds != null) {
            for (JsonNode id : vulnerabilityIds) {
                // Strings in DefectDojo; the sandbox also reads {"vulnerability_id": …} objects.
                String value = id.isObject() ? ReportJson.text(id, "vulnerability_id") : ReportJson.value(id);
                if (value != null) {
                    ids.add(value);
                }
            }
        }
        f.vulnerabilityIds = ids.toArray(String[]::new);
        JsonNode cwes = item.get("cwes");
        if (cwes != null && cwes.isArray() && !cwes.isEmpty()) {
            List<Integer> extra = new ArrayList<>();
            cwes.forEach(c -> {
                Integer n = Cwes.number(ReportJson.value(c));
                if (n != null) {
                    extra.add(n);
                }
            });
            if (f.cwe == 0 && Cwes.number(ReportJson.value(cwes.get(0))) != null) {
                f.cwe = Cwes.number(ReportJson.value(cwes.get(0)));
            }
            f.extraCwes = extra.stream().distinct().filter(n -> n != f.cwe).mapToInt(Integer::intValue).toArray();
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagNode = item.get("tags");
        if (tagNode != null) {
            if (tagNode.isArray()) {
                tagNode.forEach(t -> tags.add(ReportJson.value(t)));
            } else if (tagNode.isString()) {
                tags.add(tagNode.asString());
            }
        }
        f.tags = store.tags(tags);
        f.set(FindingRecord.DERIVED_HASH, true);
        return new ParsedReport.Item(f, severity);
    }

    private static String dateText(JsonNode item, String name) {
        JsonNode node = item.get(name);
        if (node == null || !node.isString()) {
            // dateutil raises a TypeError for a non-string (a 500 in DefectDojo); the sandbox answers 400.
            throw new ReportError("Invalid format: \"" + name + "\" must be a date string.");
        }
        return node.asString();
    }

    /** The numeric columns: a value that holds no number is dropped and the model default applies. */
    private static void numbers(JsonNode item, FindingRecord f) {
        Double cwe = ReportJson.number(item, "cwe", true);
        f.cwe = cwe == null ? 0 : cwe.intValue();
        Double line = ReportJson.number(item, "line", true);
        f.line = line == null ? FindingRecord.NO_ID : line.intValue();
        Double threadId = ReportJson.number(item, "thread_id", true);
        f.threadId = threadId == null ? 0 : threadId.intValue();
        Double occurrences = ReportJson.number(item, "nb_occurences", true);
        f.nbOccurences = occurrences == null ? FindingRecord.NO_ID : occurrences.intValue();
        Double sourceLine = ReportJson.number(item, "sast_source_line", true);
        f.sastSourceLine = sourceLine == null ? FindingRecord.NO_ID : sourceLine.intValue();
        Double confidence = ReportJson.number(item, "scanner_confidence", true);
        f.scannerConfidence = confidence == null ? FindingRecord.NO_ID : confidence.intValue();
        Double cvss = ReportJson.number(item, "cvssv3_score", false);
        f.cvssv3Score = cvss == null ? -1 : (short) Math.round(cvss * 10);
        Double epss = ReportJson.number(item, "epss_score", false);
        f.epssScore = epss == null ? FindingRecord.NO_EPSS : (int) Math.round(epss * 100_000);
        Double percentile = ReportJson.number(item, "epss_percentile", false);
        f.epssPercentile = percentile == null ? FindingRecord.NO_EPSS : (int) Math.round(percentile * 100_000);
        // cvssv4 and cvssv4_score are accepted but not modelled by the sandbox.
    }

    private static void dates(JsonNode item, FindingRecord f) {
        for (String name : List.of("publish_date", "planned_remediation_date", "kev_date")) {
            String text = ReportJson.text(item, name);
            if (text == null) {
                continue;
            }
            int day = (int) ReportDates.parse(text).date().toEpochDay();
            switch (name) {
                case "publish_date" -> f.publishDate = day;
                case "planned_remediation_date" -> f.plannedRemediationDate = day;
                default -> f.kevDate = day;
            }
        }
    }

    /** Model defaults: active and dynamic_finding true, the other flags false, fix_available unknown. */
    private static void flags(JsonNode item, FindingRecord f) {
        f.set(FindingRecord.ACTIVE, ReportJson.bool(item, "active", true));
        f.set(FindingRecord.VERIFIED, ReportJson.bool(item, "verified", false));
        f.set(FindingRecord.FALSE_P, ReportJson.bool(item, "false_p", false));
        f.set(FindingRecord.OUT_OF_SCOPE, ReportJson.bool(item, "out_of_scope", false));
        f.set(FindingRecord.RISK_ACCEPTED, ReportJson.bool(item, "risk_accepted", false));
        f.set(FindingRecord.UNDER_REVIEW, ReportJson.bool(item, "under_review", false));
        f.set(FindingRecord.IS_MITIGATED, ReportJson.bool(item, "is_mitigated", false));
        f.set(FindingRecord.STATIC_FINDING, ReportJson.bool(item, "static_finding", false));
        f.set(FindingRecord.DYNAMIC_FINDING, ReportJson.bool(item, "dynamic_finding", true));
        f.set(FindingRecord.KNOWN_EXPLOITED, ReportJson.bool(item, "known_exploited", false));
        f.set(FindingRecord.RANSOMWARE_USED, ReportJson.bool(item, "ransomware_used", false));
        JsonNode fix = item.get("fix_available");
        if (fix != null && !fix.isNull()) {
            f.set(FindingRecord.FIX_AVAILABLE_KNOWN, true);
            f.set(FindingRecord.FIX_AVAILABLE, ReportJson.bool(item, "fix_available", false));
        }
    }
}
