package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * SARIF 2.1.0 reports ({@code dojo/tools/sarif/parser.py}; the texts are {@link SarifText}'s). Each result of
 * kind "fail" (the default) gives one finding per location (one when it has none). Severity comes from the level
 * (note → Info, warning → Medium, error → High, otherwise Medium) unless the rule has a
 * {@code security-severity}; file path and line come from the location; CWEs from the rule (relationships,
 * properties.cwe or tags), the result's properties and its CWE taxa, the last one found being the primary;
 * {@code unique_id_from_tool} from the fingerprints (first method, newest version) or else the sorted partial
 * fingerprints; {@code vuln_id_from_tool} is the rule id. Suppressed results are false positives. A report
 * without runs has no findings. Where DefectDojo would crash on a missing key (a 500), the sandbox reads on or
 * answers 400, as noted inline.
 */
final class SarifParser {
    private static final Pattern CWE = Pattern.compile("cwe-\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CVE = Pattern.compile("(CVE-[0-9]+-[0-9]+)", Pattern.CASE_INSENSITIVE);

    private final SandboxStore store;
    private final Map<String, JsonNode> rules = new HashMap<>();
    private ReportDates.Parsed runDate;

    private SarifParser(SandboxStore store) {
        this.store = store;
    }

    static ParsedReport parse(byte[] content, SandboxStore store) {
        JsonNode root = ReportJson.read(content);
        if (!root.isObject()) {
            throw new ReportError("Invalid format: a SARIF report is a JSON object.");
        }
        List<ParsedReport.Item> items = new ArrayList<>();
        String tool = null;
        JsonNode runs = root.path("runs");
        for (int i = 0; i < runs.size(); i++) {
            JsonNode run = runs.get(i);
            String name = ReportJson.text(run.path("tool").path("driver"), "name");
            if (name == null) {
                throw new ReportError("Invalid format: a run has no tool.driver.name."); // a KeyError (500) in DefectDojo
            }
            if (i == 0) {
                tool = name; // the importer names the test type after the first run's tool
            }
            items.addAll(new SarifParser(store).run(run));
        }
        return new ParsedReport(items, tool, null, true);
    }

    private List<ParsedReport.Item> run(JsonNode run) {
        JsonNode ruleList = run.path("tool").path("driver").path("rules");
        List<JsonNode> all = new ArrayList<>();
        ruleList.forEach(all::add);
        if (all.isEmpty()) {
            run.path("tool").path("extensions").forEach(e -> e.path("rules").forEach(all::add));
        }
        for (JsonNode rule : all) {
            String id = ReportJson.text(rule, "id");
            if (id == null) {
                throw new ReportError("Invalid format: a rule has no id."); // a KeyError (500) in DefectDojo
            }
            rules.put(id, rule);
        }
        JsonNode invocations = run.path("invocations");
        if (invocations.size() > 0) {
            String end = ReportJson.text(invocations.get(invocations.size() - 1), "endTimeUtc");
            runDate = end == null ? null : ReportDates.parse(end);
        }
        List<ParsedReport.Item> items = new ArrayList<>();
        for (JsonNode result : run.path("results")) {
            String kind = result.has("kind") ? ReportJson.text(result, "kind") : "fail";
            if ("fail".equals(kind)) {
                items.addAll(result(result));
            }
        }
        return items;
    }

    private record Place(String filePath, int line, JsonNode location) {
    }

    private List<ParsedReport.Item> result(JsonNode result) {
        boolean suppressed = result.path("suppressions").size() > 0;
        List<Place> places = new ArrayList<>();
        for (JsonNode location : result.path("locations")) {
            String filePath = null;
            int line = FindingRecord.NO_ID;
            JsonNode physical = location.get("physicalLocation");
            if (physical != null) {
                JsonNode uri = physical.path("artifactLocation").get("uri");
                if (uri == null) {
                    // A KeyError (500) in DefectDojo.
                    throw new ReportError("Invalid format: a physicalLocation has no artifactLocation.uri.");
                }
                filePath = ReportJson.value(uri);
                JsonNode region = physical.get("region");
                // DefectDojo raises a KeyError for a region with neither byteOffset nor startLine; no line here.
                if (region != null && !region.has("byteOffset") && region.path("startLine").isNumber()) {
                    line = region.path("startLine").asInt();
                }
            }
            places.add(new Place(filePath, line, location));
        }
        if (places.isEmpty()) {
            places.add(new Place(null, FindingRecord.NO_ID, null));
        }
        List<ParsedReport.Item> items = new ArrayList<>();
        for (Place place : places) {
            items.add(finding(result, place, suppressed));
        }
        return items;
    }

    private ParsedReport.Item finding(JsonNode result, Place place, boolean suppressed) {
        String ruleId = result.has("ruleId") ? ReportJson.text(result, "ruleId") : null;
        JsonNode rule = rules.get(ruleId);
        FindingRecord f = new FindingRecord();
        f.title = store.intern(SarifText.title(result, rule));
        f.description = SarifText.description(result, rule, place.location());
        f.set(FindingRecord.STATIC_FINDING, true);
        f.set(FindingRecord.DYNAMIC_FINDING, false);
        f.set(FindingRecord.FALSE_P, suppressed);
        f.set(FindingRecord.ACTIVE, !suppressed);
        f.filePath = place.filePath();
        f.line = place.line();
        f.references = SarifText.references(rule);
        String severity = level(result, rule);
        if (ruleId != null) {
            f.vulnIdFromTool = ruleId;
            Matcher cve = CVE.matcher(ruleId);
            if (cve.find()) {
                f.vulnerabilityIds = new String[] {cve.group(1).toUpperCase(java.util.Locale.ROOT)};
            }
        }
        LinkedHashSet<Integer> allCwes = new LinkedHashSet<>();
        if (rule != null) {
            List<Integer> ruleCwes = ruleCwes(rule);
            allCwes.addAll(ruleCwes);
            if (!ruleCwes.isEmpty()) {
                f.cwe = ruleCwes.get(ruleCwes.size() - 1);
            }
            JsonNode securitySeverity = rule.path("properties").get("security-severity");
            if (securitySeverity != null) {
                severity = securitySeverity(securitySeverity, f);
            }
        }
        List<Integer> propertyCwes = new ArrayList<>();
        JsonNode resultCwe = result.path("properties").get("cwe");
        if (resultCwe != null) {
            searchCwe(ReportJson.value(resultCwe), propertyCwes);
        }
        allCwes.addAll(propertyCwes);
        if (!propertyCwes.isEmpty()) {
            f.cwe = propertyCwes.get(propertyCwes.size() - 1);
        }
        List<Integer> taxaCwes = taxaCwes(result);
        allCwes.addAll(taxaCwes);
        if (!taxaCwes.isEmpty()) {
            f.cwe = taxaCwes.get(taxaCwes.size() - 1);
        }
        int primary = f.cwe;
        f.extraCwes = allCwes.stream().filter(c -> c != primary).mapToInt(Integer::intValue).toArray();
        if (result.has("fixes")) {
            List<String> texts = new ArrayList<>();
            // A fix without description text is a TypeError (500) in DefectDojo; the sandbox joins "" for it.
            result.path("fixes").forEach(fix -> texts.add(Objects.requireNonNullElse(
                    ReportJson.text(fix.path("description"), "text"), "")));
            f.mitigation = String.join("\n", texts);
        }
        if (runDate != null) {
            f.date = (int) runDate.utcDate().toEpochDay();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (JsonNode source : new JsonNode[] {rule, result}) {
            if (source != null) {
                source.path("properties").path("tags").forEach(t -> {
                    String tag = ReportJson.value(t);
                    tags.add(tag.startsWith("external/cwe/") ? tag.substring("external/cwe/".length()) : tag);
                });
            }
        }
        f.tags = store.tags(tags);
        f.uniqueIdFromTool = uniqueId(result);
        f.set(FindingRecord.DERIVED_HASH, true);
        return new ParsedReport.Item(f, severity);
    }

    private static String level(JsonNode result, JsonNode rule) {
        String level = ReportJson.text(result, "level");
        if (level == null && rule != null) {
            level = ReportJson.text(rule.path("defaultConfiguration"), "level");
        }
        if ("note".equals(level)) {
            return "Info";
        }
        return "error".equals(level) ? "High" : "Medium";
    }

    /** A CVSS score gives the severity band (and cvssv3_score); a severity word is taken as it is. */
    private static String securitySeverity(JsonNode value, FindingRecord f) {
        String text = ReportJson.value(value);
        double score;
        try {
            score = PythonNumbers.toFloat(text);
        } catch (ReportError e) {
            String word = text == null || text.isEmpty() ? ""
                    : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + text.substring(1).toLowerCase(java.util.Locale.ROOT);
            return List.of("Info", "Low", "Medium", "High", "Critical").contains(word) ? word : "Info";
        }
        f.cvssv3Score = (short) Math.round(score * 10);
        if (score >= 9) {
            return "Critical";
        }
        if (score >= 7) {
            return "High";
        }
        if (score >= 4) {
            return "Medium";
        }
        return score > 0 ? "Low" : "Info";
    }

    private static List<Integer> ruleCwes(JsonNode rule) {
        List<Integer> cwes = new ArrayList<>();
        if (rule.path("relationships").isArray()) {
            rule.get("relationships").forEach(r -> searchCwe(ReportJson.text(r.path("target"), "id"), cwes));
            return cwes;
        }
        JsonNode propertyCwe = rule.path("properties").get("cwe");
        if (propertyCwe != null) {
            if (propertyCwe.isArray()) {
                propertyCwe.forEach(c -> searchCwe(ReportJson.value(c), cwes));
            } else {
                searchCwe(ReportJson.value(propertyCwe), cwes);
            }
            return cwes;
        }
        rule.path("properties").path("tags").forEach(t -> searchCwe(ReportJson.value(t), cwes));
        return cwes;
    }

    private static List<Integer> taxaCwes(JsonNode result) {
        List<Integer> cwes = new ArrayList<>();
        for (JsonNode taxon : result.path("taxa")) {
            if (taxon.isObject() && "CWE".equals(ReportJson.text(taxon.path("toolComponent"), "name"))) {
                String id = ReportJson.text(taxon, "id");
                if (id != null && !id.isEmpty()) {
                    try {
                        cwes.add(Integer.parseInt(id.strip()));
                    } catch (NumberFormatException e) {
                        searchCwe("CWE-" + id, cwes);
                    }
                }
            }
        }
        return cwes;
    }

    private static void searchCwe(String value, List<Integer> cwes) {
        if (value == null) {
            return;
        }
        Matcher m = CWE.matcher(value);
        if (m.find()) {
            cwes.add(Integer.parseInt(m.group().substring(4)));
        }
    }

    private static String uniqueId(JsonNode result) {
        JsonNode fingerprints = result.get("fingerprints");
        if (fingerprints != null && fingerprints.size() > 0) {
            return newestByMethod(fingerprints).values().iterator().next();
        }
        JsonNode partial = result.get("partialFingerprints");
        if (partial != null && partial.size() > 0) {
            List<String> parts = new ArrayList<>();
            new TreeMap<>(newestByMethod(partial)).forEach((method, value) -> parts.add(method + ":" + value));
            return String.join("|", parts);
        }
        return null;
    }

    /** "method/v2" keys: per method the value of the highest version, in the order methods first appear. */
    private static Map<String, String> newestByMethod(JsonNode fingerprints) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        for (String key : fingerprints.propertyNames()) {
            String method = key;
            int version = 0;
            if (key.contains("/")) {
                String[] parts = key.split("/", -1);
                method = parts[parts.length - 2];
                version = PythonNumbers.toInt(parts[parts.length - 1].replace("v", ""));
            }
            JsonNode node = fingerprints.get(key);
            String value = node.isObject() ? Objects.requireNonNullElse(ReportJson.text(node, "value"), "")
                    : SarifText.py(ReportJson.value(node));
            if (!versions.containsKey(method) || versions.get(method) < version) {
                versions.put(method, version);
                values.put(method, value);
            }
        }
        return values;
    }
}
