package dev.dojomcp.imports.qai;

import dev.dojomcp.defectdojo.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes DefectDojo "Generic Findings Import" JSON: {@code {"findings": [...]}}. DefectDojo refuses the whole
 * file when a finding has a key its parser does not know, so only keys it accepts are written (title, severity,
 * description, mitigation, impact, steps_to_reproduce, references, cwe, vuln_id_from_tool, unique_id_from_tool,
 * component_name, component_version, tags, static_finding, dynamic_finding, date, active, verified), always in
 * that order, so the bytes are a function of the report alone.
 *
 * <p>DefectDojo deduplicates Generic Findings Import by a hash of title, CWE, line, file path and description,
 * so {@code title} and {@code description} carry only text that is the same in every run of the same scan.
 * What changes between runs (evidence, metadata, counts, times, the wording with this run's numbers) goes to
 * {@code steps_to_reproduce} and {@code impact}.
 */
final class GenericFindingWriter {
    /** DefectDojo's {@code component_name} and {@code component_version} limits. */
    static final int MAX_COMPONENT_NAME = 500;
    static final int MAX_COMPONENT_VERSION = 100;
    private static final int MAX_DESCRIPTION = 8_000;
    private static final int MAX_EVIDENCE = 4_000;
    private static final int MAX_METADATA = 4_000;
    private static final int MAX_IMPACT = 10_000;
    private static final int MAX_STEPS = 10_000;
    private static final int MAX_NAME = 200;
    private static final int MAX_METADATA_VALUE = 1_000;

    private GenericFindingWriter() {
    }

    static byte[] document(QaiReport report) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (QaiFinding f : report.findings()) {
            findings.add(finding(f, report));
        }
        return Json.mapper().writeValueAsBytes(root);
    }

    static ObjectNode finding(QaiFinding f, QaiReport report) {
        FrameworkIds framework = FrameworkIds.of(f.frameworkIds(), f.owaspId());
        String toolName = TextSanitiser.cap(TextSanitiser.oneLine(f.toolName()), MAX_NAME);
        String title = TitleNormaliser.title(f.title());
        String qaiDescription = TextSanitiser.truncate(TitleNormaliser.text(f.description()), MAX_DESCRIPTION);
        String vulnId = FindingIds.vulnId(f);

        ObjectNode out = Json.mapper().createObjectNode();
        out.put("title", title);
        out.put("severity", f.severity().dojoName());
        out.put("description", description(qaiDescription, f.category(), framework.owaspId(), toolName));
        putIfNotEmpty(out, "mitigation", MitigationText.of(f.remediation(), f.mitigation()));
        putIfNotEmpty(out, "impact", impact(f, title, qaiDescription));
        putIfNotEmpty(out, "steps_to_reproduce", steps(f, report, vulnId, toolName));
        putIfNotEmpty(out, "references", bullets(framework.references()));
        if (!framework.cwes().isEmpty()) {
            out.put("cwe", framework.cwes().get(0));
        }
        out.put("vuln_id_from_tool", vulnId);
        out.put("unique_id_from_tool", FindingIds.uniqueId(vulnId, f.toolName(), title));
        putIfNotEmpty(out, "component_name",
                TextSanitiser.cap(TextSanitiser.oneLine(report.serverName()), MAX_COMPONENT_NAME));
        putIfNotEmpty(out, "component_version",
                TextSanitiser.cap(TextSanitiser.oneLine(report.serverVersion()), MAX_COMPONENT_VERSION));
        ArrayNode tags = out.putArray("tags");
        tags(framework.owaspId(), f.category(), toolName).forEach(tags::add);
        out.put("static_finding", false);
        out.put("dynamic_finding", true);
        putIfNotEmpty(out, "date", date(f.timestamp()));
        out.put("active", true);
        out.put("verified", false);
        return out;
    }

    /** qai's description (volatile parts replaced) and context that is the same in every run. */
    static String description(String qaiDescription, String category, String owaspId, String toolName) {
        List<String> context = new ArrayList<>();
        String cat = TextSanitiser.cap(TextSanitiser.oneLine(category), MAX_NAME);
        context.add("- qai category: " + (cat.isEmpty() ? "none" : cat));
        if (!owaspId.isEmpty()) {
            context.add("- OWASP MCP Top 10: " + owaspId + " (" + FrameworkIds.OWASP_LABEL + ")");
        }
        if (!toolName.isEmpty()) {
            context.add("- MCP tool: " + TextSanitiser.inlineCode(toolName));
        }
        String ctx = String.join("\n", context);
        return qaiDescription.isEmpty() ? ctx : qaiDescription + "\n\n" + ctx;
    }

    /** qai's own wording with this run's numbers, when normalising the title or description changed it. */
    private static String impact(QaiFinding f, String title, String qaiDescription) {
        String rawTitle = TextSanitiser.truncate(TextSanitiser.oneLine(f.title()), 1_000);
        String rawDescription = TextSanitiser.truncate(TextSanitiser.multiLine(f.description()), MAX_DESCRIPTION);
        if (rawTitle.equals(title) && rawDescription.equals(qaiDescription)) {
            return "";
        }
        return TextSanitiser.truncate("As reported by qai in this run (untrusted: may quote the scanned server):\n\n"
                + rawTitle + (rawDescription.isEmpty() ? "" : "\n\n" + rawDescription), MAX_IMPACT);
    }

    /** Where and how qai saw it: scanner, rule, server, tool, time, metadata and evidence, as literal text. */
    private static String steps(QaiFinding f, QaiReport report, String vulnId, String toolName) {
        List<String> header = new ArrayList<>();
        header.add("Scanner: qai " + TextSanitiser.cap(TextSanitiser.oneLine(f.module()), MAX_NAME));
        header.add("Rule: " + vulnId + (TextSanitiser.oneLine(f.ruleId()).isEmpty() ? " (not in the report)" : ""));
        String server = TextSanitiser.cap(TextSanitiser.oneLine(report.serverName()), MAX_COMPONENT_NAME);
        if (!server.isEmpty()) {
            String version = TextSanitiser.cap(TextSanitiser.oneLine(report.serverVersion()), MAX_COMPONENT_VERSION);
            header.add("MCP server: " + server + (version.isEmpty() ? "" : " " + version));
        }
        if (!toolName.isEmpty()) {
            header.add("MCP tool: " + toolName);
        }
        String time = TextSanitiser.cap(TextSanitiser.oneLine(f.timestamp()), 64);
        if (!time.isEmpty()) {
            header.add("Observed: " + time);
        }
        StringBuilder out = new StringBuilder("Found by qai (untrusted values from the scan report):\n\n")
                .append(TextSanitiser.codeBlock(String.join("\n", header)));
        String metadata = metadata(f.metadata());
        if (!metadata.isEmpty()) {
            out.append("\n\nScanner metadata (untrusted, may hold test payloads):\n\n")
                    .append(TextSanitiser.codeBlock(metadata));
        }
        String evidence = TextSanitiser.truncate(TextSanitiser.multiLine(f.evidence()), MAX_EVIDENCE);
        if (!evidence.isEmpty()) {
            out.append("\n\nEvidence (untrusted, excerpt of the scanned server's output):\n\n")
                    .append(TextSanitiser.codeBlock(evidence));
        }
        return TextSanitiser.truncate(out.toString(), MAX_STEPS);
    }

    /** {@code key: value} lines; values that are lists or objects as compact JSON. */
    private static String metadata(JsonNode metadata) {
        if (metadata == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : metadata.properties()) {
            JsonNode v = e.getValue();
            String value = v.isString() ? v.stringValue()
                    : v.isNull() || v.isContainer() ? Json.mapper().writeValueAsString(v) : v.asString();
            lines.add(TextSanitiser.cap(TextSanitiser.oneLine(e.getKey()), MAX_NAME) + ": "
                    + TextSanitiser.truncate(TextSanitiser.oneLine(value), MAX_METADATA_VALUE));
        }
        return TextSanitiser.truncate(String.join("\n", lines), MAX_METADATA);
    }

    static Set<String> tags(String owaspId, String category, String toolName) {
        Set<String> tags = new LinkedHashSet<>();
        addIfNotNull(tags, TagSanitiser.tag("owasp-mcp", owaspId));
        addIfNotNull(tags, TagSanitiser.tag("qai", category));
        addIfNotNull(tags, TagSanitiser.tag("mcp-tool", toolName));
        return tags;
    }

    /** The day of an ISO-8601 time as written (its own offset), or "" when it does not start with a date. */
    static String date(String timestamp) {
        String t = timestamp.strip();
        if (t.length() < 10 || (t.length() > 10 && Character.isDigit(t.charAt(10)))) {
            return "";
        }
        try {
            return LocalDate.parse(t.substring(0, 10)).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    private static String bullets(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("- ").append(line);
        }
        return out.toString();
    }

    private static void putIfNotEmpty(ObjectNode node, String key, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(key, value);
        }
    }

    private static void addIfNotNull(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
