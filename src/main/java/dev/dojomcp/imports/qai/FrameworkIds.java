package dev.dojomcp.imports.qai;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a finding's {@code framework_ids} say: the OWASP MCP Top 10 id, CWE numbers, and reference lines for
 * DefectDojo's {@code references} field. Values may be a string or a list in every key.
 *
 * @param owaspId OWASP MCP Top 10 id as {@code MCP01}..{@code MCP10}, or the cleaned reported value when it has
 *                another form, or "" when none
 * @param cwes    CWE numbers in report order, without duplicates
 */
record FrameworkIds(String owaspId, List<Integer> cwes, List<String> references) {
    /** qai maps to the OWASP MCP Top 10 "v0.1" (2025, beta); the label goes with every mapping. */
    static final String OWASP_LABEL = "2025-beta";

    private static final Map<String, String> OWASP_NAMES = Map.of(
            "MCP01", "Token Mismanagement & Secret Exposure",
            "MCP02", "Privilege Escalation via Scope Creep",
            "MCP03", "Tool Poisoning",
            "MCP04", "Software Supply Chain Attacks & Dependency Tampering",
            "MCP05", "Command Injection & Execution",
            "MCP06", "Prompt Injection via Contextual Payloads",
            "MCP07", "Insufficient Authentication & Authorization",
            "MCP08", "Lack of Audit and Telemetry",
            "MCP09", "Shadow MCP Servers",
            "MCP10", "Context Injection & Over-Sharing");
    private static final Pattern OWASP_ID = Pattern.compile("(?i)MCP\\s*0?([1-9]|10)(?::2025)?");
    private static final Pattern CWE = Pattern.compile("(?i)(?:CWE)?[-_ ]?0*([1-9]\\d{0,6})");
    private static final int MAX_ID = 100;

    static FrameworkIds of(JsonNode frameworkIds, String fallbackOwaspId) {
        String reported = JsonFields.strings(frameworkIds == null ? null : frameworkIds.get("owasp_mcp_top10"))
                .stream().filter(s -> !s.isBlank()).findFirst().orElse(fallbackOwaspId);
        String owasp = owaspId(reported);
        List<Integer> cwes = cwes(frameworkIds == null ? null : frameworkIds.get("cwe"));

        List<String> refs = new ArrayList<>();
        if (!owasp.isEmpty()) {
            String name = OWASP_NAMES.get(owasp);
            refs.add("OWASP MCP Top 10 " + owasp + " (" + OWASP_LABEL + ")" + (name == null ? "" : ": " + name));
        }
        for (int cwe : cwes) {
            refs.add("CWE-" + cwe + ": https://cwe.mitre.org/data/definitions/" + cwe + ".html");
        }
        if (frameworkIds != null) {
            for (String id : ids(frameworkIds.get("mitre_atlas"))) {
                refs.add("MITRE ATLAS " + id);
            }
            for (String id : ids(frameworkIds.get("owasp_agentic_top10"))) {
                refs.add("OWASP Top 10 for Agentic Applications " + id);
            }
            Map<String, JsonNode> others = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : frameworkIds.properties()) {
                if (!Set.of("owasp_mcp_top10", "cwe", "mitre_atlas", "owasp_agentic_top10").contains(e.getKey())) {
                    others.put(e.getKey(), e.getValue());
                }
            }
            others.forEach((key, value) -> {
                List<String> ids = ids(value);
                String label = TextSanitiser.cap(TextSanitiser.oneLine(key), MAX_ID);
                if (!ids.isEmpty() && !label.isEmpty()) {
                    refs.add(label + ": " + String.join(", ", ids));
                }
            });
        }
        return new FrameworkIds(owasp, cwes, List.copyOf(refs));
    }

    static String owaspId(String reported) {
        String clean = TextSanitiser.cap(TextSanitiser.oneLine(reported), MAX_ID);
        Matcher m = OWASP_ID.matcher(clean);
        if (m.matches()) {
            return String.format(Locale.ROOT, "MCP%02d", Integer.parseInt(m.group(1)));
        }
        return clean;
    }

    /** {@code "CWE-78"}, {@code "CWE-078"}, {@code "78"} and {@code 78} all give 78; anything else is skipped. */
    static List<Integer> cwes(JsonNode value) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String s : JsonFields.strings(value)) {
            Matcher m = CWE.matcher(s.strip());
            if (m.matches()) {
                out.add(Integer.parseInt(m.group(1)));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> ids(JsonNode value) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : JsonFields.strings(value)) {
            String clean = TextSanitiser.cap(TextSanitiser.oneLine(s), MAX_ID);
            if (!clean.isEmpty()) {
                out.add(clean);
            }
        }
        return List.copyOf(out);
    }
}
