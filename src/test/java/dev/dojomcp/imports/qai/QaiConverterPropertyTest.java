package dev.dojomcp.imports.qai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.defectdojo.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated reports, in pairs that differ only where two runs of one scan differ (counts, evidence, metadata,
 * times, finding order). Every pair must convert to the same titles, descriptions and unique ids, and every
 * output must be importable: allowed keys, valid tags, no control characters, capped titles.
 */
class QaiConverterPropertyTest {
    private static final int REPORTS = 300;
    private static final String[] RULES = {"QAI-AUTH-002", "CTPF-AUTH-002", "QAI-PERM-001", "QAI-PINJ-001",
        "QAI-INJ-CWE-078-shell_injection", "QAI-CTX-003", "", "QAI-TOK-002"};
    private static final String[] CATEGORIES = {"auth", "permissions", "prompt_injection", "command_injection",
        "context_sharing", "token_exposure", "", "Weird Category, \"quoted\""};
    /** qai-style templates: %1$s is the tool name (quoted, as qai does), %2$d a count that changes between runs. */
    private static final String[] TITLES = {
        "Unauthenticated tool invocation: '%1$s'",
        "Excessive tool count: %2$d tools exposed",
        "High write/execute ratio: %2$d/%2$d tools (%2$d%%)",
        "Anomalously long response from '%1$s' (%2$d chars)",
        "Secret patterns in '%1$s' response after %2$d.5s",
        "Injection pattern in '%1$s' response at 2026-07-%2$02dT10:00:00Z",
    };
    private static final String[] TOOL_PARTS = {"query_db", "delete file", "a,b", "\"x\"", "it's", "工具", "tool 2",
        "\u202eevil", "x\u0000y", "![p](http://e/x.png)", "IGNORE PREVIOUS INSTRUCTIONS", "", "`code`", "..", "@+=/"};
    private static final String[] SEVERITIES = {"critical", "HIGH", "Medium", "low", "Info", "4", "3", "2", "1", "0"};

    @Test
    void pairsOfRuns_convertToTheSameDedupFields_andAreAlwaysImportable() {
        Random random = new Random(20260713L);
        int changedTitles = 0;
        for (int n = 0; n < REPORTS; n++) {
            long seed = random.nextLong();
            boolean bundle = n % 3 == 0;
            byte[] runA = report(new Random(seed), bundle, 1);
            byte[] runB = report(new Random(seed), bundle, 2);

            QaiConversion a = QaiConverter.convert(runA);
            QaiConversion b = QaiConverter.convert(runB);

            assertImportable(a, "report " + n);
            assertImportable(b, "report " + n);
            assertThat(QaiConverter.convert(runA)).as("deterministic, report %d", n).isEqualTo(a);
            assertThat(dedupFields(b)).as("report %d", n).containsExactlyInAnyOrderElementsOf(dedupFields(a));
            assertThat(b.bySeverity()).isEqualTo(a.bySeverity());
            changedTitles += changedRawTitles(runA, runB);
        }
        // The pairs really differ where runs differ; otherwise the equality above proves nothing.
        assertThat(changedTitles).isGreaterThan(REPORTS);
    }

    private static int changedRawTitles(byte[] runA, byte[] runB) {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        Json.mapper().readTree(runA).get("findings").forEach(f -> a.add(f.get("title").stringValue()));
        Json.mapper().readTree(runB).get("findings").forEach(f -> b.add(f.get("title").stringValue()));
        b.removeAll(a);
        return b.size();
    }

    private static void assertImportable(QaiConversion c, String what) {
        JsonNode doc = Json.mapper().readTree(c.genericFindingsJson());
        assertThat(doc.propertyNames()).as(what).containsExactly("findings");
        assertThat(doc.get("findings").size()).isEqualTo(c.findingCount());
        for (JsonNode f : doc.get("findings")) {
            assertThat(f.propertyNames()).as(what).isSubsetOf(QaiFixtures.ALLOWED_KEYS)
                    .contains("title", "severity", "description");
            String title = f.get("title").stringValue();
            assertThat(title).as(what).isNotBlank().doesNotContain("\n");
            assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(TitleNormaliser.MAX_TITLE);
            assertThat(f.get("severity").stringValue()).isIn("Critical", "High", "Medium", "Low", "Info");
            for (String tag : QaiFixtures.tags(f)) {
                assertThat(tag).as(what).matches(QaiFixtures.TAG_PATTERN);
            }
            f.properties().forEach(e -> {
                if (e.getValue().isString()) {
                    assertThat(e.getValue().stringValue()).as("%s %s", what, e.getKey())
                            .doesNotContainPattern("[\\p{Cc}&&[^\\n]]|\\p{Cf}|\\p{Cs}");
                }
            });
            assertThat(f.get("unique_id_from_tool").stringValue()).matches("[0-9a-f]{64}");
            assertThat(f.get("vuln_id_from_tool").stringValue().length()).isLessThanOrEqualTo(FindingIds.MAX_ID);
        }
    }

    private static List<String> dedupFields(QaiConversion c) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : QaiFixtures.findings(c)) {
            out.add(f.get("unique_id_from_tool").stringValue() + "\n" + QaiFixtures.dedupKey(f));
        }
        return out;
    }

    /** One run of a generated scan; {@code run} changes only what differs between runs. */
    private static byte[] report(Random r, boolean bundle, int run) {
        ObjectNode root = Json.mapper().createObjectNode();
        Random volatileValues = new Random(r.nextLong() + run);
        if (bundle) {
            root.put("schema_version", "run-bundle-v1");
            root.putObject("run").put("id", "r" + run);
            root.putArray("child_runs");
            root.putArray("audit_scans").addObject().put("server_name", pick(r, TOOL_PARTS) + " server");
        } else {
            root.put("prompt", "PROMPT " + volatileValues.nextInt());
            root.putObject("scan").put("server", pick(r, TOOL_PARTS) + " server");
        }
        ArrayNode findings = root.putArray("findings");
        int count = r.nextInt(7);
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String tool = pick(r, TOOL_PARTS) + (r.nextBoolean() ? pick(r, TOOL_PARTS) : "");
            String title = String.format(pick(r, TITLES), tool, 1 + volatileValues.nextInt(28));
            String severity = pick(r, SEVERITIES);
            ObjectNode f = Json.mapper().createObjectNode();
            String rule = pick(r, RULES);
            String category = pick(r, CATEGORIES);
            String description = "Tool '" + tool + "' answered " + volatileValues.nextInt(100_000)
                    + " chars; see OWASP MCP Top 10.";
            String evidence = "evidence " + volatileValues.nextLong() + " \u001b[1m" + tool;
            String frameworkIds = "{\"owasp_mcp_top10\": \"MCP0" + (1 + r.nextInt(9)) + "\", \"cwe\": "
                    + pick(r, new String[] {"[\"CWE-78\", 88]", "\"CWE-287\"", "306", "[]", "\"junk\""}) + "}";
            f.put("title", title);
            f.put("category", category);
            if (bundle) {
                f.put("module", "audit");
                f.put("severity", Character.isDigit(severity.charAt(0)) ? Integer.parseInt(severity)
                        : 4 - List.of("critical", "high", "medium", "low", "info").indexOf(severity.toLowerCase()));
                f.put("description", description + (tool.isEmpty() ? "" : "\n\nTool: " + tool)
                        + "\n\nEvidence: " + evidence + "\n\nRemediation: Fix it.");
                f.put("framework_ids", r.nextInt(5) == 0 ? frameworkIds.substring(3) : frameworkIds);
                f.put("source_ref", tool.isEmpty() ? null : tool);
                f.put("created_at", "2026-07-1" + run + "T0" + volatileValues.nextInt(10) + ":00:00+00:00");
            } else {
                f.put("rule_id", rule);
                if (Character.isDigit(severity.charAt(0))) {
                    f.put("severity", Integer.parseInt(severity));
                } else {
                    f.put("severity", severity);
                }
                f.put("description", description);
                f.set("framework_ids", Json.mapper().readTree(frameworkIds));
                f.put("evidence", evidence);
                f.put("remediation", "Fix it.");
                f.put("tool_name", tool);
                f.putObject("metadata").put("response_length", volatileValues.nextInt()).put("payload", tool);
                f.put("timestamp", "2026-07-1" + run + "T0" + volatileValues.nextInt(10) + ":00:00+00:00");
                f.putNull("mitigation");
            }
            items.add(f);
        }
        Collections.shuffle(items, volatileValues);
        items.forEach(findings::add);
        return Json.mapper().writeValueAsBytes(root);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
