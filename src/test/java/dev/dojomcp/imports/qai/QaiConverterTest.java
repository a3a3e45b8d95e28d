package dev.dojomcp.imports.qai;

import static dev.dojomcp.imports.qai.QaiFixtures.HOSTILE;
import static dev.dojomcp.imports.qai.QaiFixtures.bytes;
import static dev.dojomcp.imports.qai.QaiFixtures.findings;
import static dev.dojomcp.imports.qai.QaiFixtures.tags;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The converter on the fixture reports: CLI JSON (two runs of one scan), the run bundle of run 1, CTPF, empty. */
class QaiConverterTest {
    private static final Map<String, Integer> FIXTURE_COUNTS =
            Map.of("Critical", 2, "High", 2, "Medium", 2, "Low", 2, "Info", 1);

    @Test
    void cliReport_severityStringsMapToDefectDojoSeverities() {
        QaiConversion c = QaiConverter.convert(bytes("cli-run1.json"));

        assertThat(c.shape()).isEqualTo("cli-json");
        assertThat(c.findingCount()).isEqualTo(9);
        assertThat(c.bySeverity()).containsExactly(Map.entry("Critical", 2), Map.entry("High", 2),
                Map.entry("Medium", 2), Map.entry("Low", 2), Map.entry("Info", 1));
        // The qai docs' sketch looked the string up in an int map and got Info for everything.
        Map<String, JsonNode> out = QaiFixtures.byRawTitle("cli-run1.json");
        assertThat(out.get("Unauthenticated tool invocation: 'delete_file'").get("severity").stringValue())
                .isEqualTo("Critical");
        assertThat(out.get("Unauthenticated tool invocation: 'list_files'").get("severity").stringValue())
                .isEqualTo("High");
        assertThat(out.get("High write/execute ratio: 9/11 tools (82%)").get("severity").stringValue())
                .isEqualTo("Medium");
        assertThat(out.get("No logging capability advertised").get("severity").stringValue()).isEqualTo("Low");
        assertThat(out.get("Outdated MCP protocol version").get("severity").stringValue()).isEqualTo("Info");
        assertThat(findings(c)).extracting(f -> f.get("severity").stringValue())
                .containsOnly("Critical", "High", "Medium", "Low", "Info");
    }

    @Test
    void runBundle_severityIntsMapToTheSameSeveritiesAsTheCli() {
        QaiConversion c = QaiConverter.convert(bytes("bundle-run1.json"));

        assertThat(c.shape()).isEqualTo("run-bundle");
        assertThat(c.findingCount()).isEqualTo(9);
        assertThat(c.bySeverity()).isEqualTo(FIXTURE_COUNTS);
        Map<String, JsonNode> cli = QaiFixtures.byRawTitle("cli-run1.json");
        QaiFixtures.byRawTitle("bundle-run1.json").forEach((title, f) ->
                assertThat(f.get("severity")).as(title).isEqualTo(cli.get(title).get("severity")));
    }

    @Test
    void secondRun_givesTheSameTitlesUniqueIdsAndDescriptions() {
        QaiConversion run1 = QaiConverter.convert(bytes("cli-run1.json"));
        QaiConversion run2 = QaiConverter.convert(bytes("cli-run2.json"));
        Map<String, JsonNode> first = QaiFixtures.byUniqueId(run1);
        Map<String, JsonNode> second = QaiFixtures.byUniqueId(run2);

        assertThat(first).hasSize(9);
        assertThat(second.keySet()).containsExactlyInAnyOrderElementsOf(first.keySet());
        first.forEach((id, f) -> {
            JsonNode g = second.get(id);
            assertThat(g.get("title")).isEqualTo(f.get("title"));
            assertThat(g.get("description")).isEqualTo(f.get("description"));
            assertThat(g.get("cwe")).isEqualTo(f.get("cwe"));
            assertThat(g.get("severity")).isEqualTo(f.get("severity"));
            assertThat(QaiFixtures.dedupKey(g)).isEqualTo(QaiFixtures.dedupKey(f));
        });
        // The runs really differ: counts, evidence and times moved to the fields outside the hash.
        assertThat(first.values()).extracting(f -> f.get("steps_to_reproduce").stringValue())
                .doesNotContainAnyElementsOf(second.values().stream()
                        .map(f -> f.get("steps_to_reproduce").stringValue()).toList());
        JsonNode toolCount = first.values().stream()
                .filter(f -> f.get("title").stringValue().startsWith("Excessive tool count")).findFirst().orElseThrow();
        assertThat(toolCount.get("title").stringValue()).isEqualTo("Excessive tool count: N tools exposed");
        assertThat(toolCount.get("impact").stringValue()).contains("37 tools exposed");
        assertThat(second.get(toolCount.get("unique_id_from_tool").stringValue()).get("impact").stringValue())
                .contains("41 tools exposed");
    }

    @Test
    void uniqueIds_differPerToolForTheSameRule() {
        List<JsonNode> out = findings(QaiConverter.convert(bytes("cli-run1.json")));

        assertThat(out).extracting(f -> f.get("unique_id_from_tool").stringValue())
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[0-9a-f]{64}"));
        assertThat(out).filteredOn(f -> f.get("vuln_id_from_tool").stringValue().equals("QAI-AUTH-002")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli-run1.json", "cli-run2.json", "bundle-run1.json", "cli-ctpf.json", "cli-empty.json"})
    void output_usesOnlyKeysDefectDojoAccepts(String fixture) {
        JsonNode doc = QaiFixtures.json(QaiConverter.convert(bytes(fixture)).genericFindingsJson());

        assertThat(doc.propertyNames()).containsExactly("findings");
        for (JsonNode f : doc.get("findings")) {
            assertThat(f.propertyNames()).isSubsetOf(QaiFixtures.ALLOWED_KEYS)
                    .contains("title", "severity", "description", "vuln_id_from_tool", "unique_id_from_tool",
                            "static_finding", "dynamic_finding", "active", "verified");
            assertThat(f.get("description").stringValue()).isNotBlank();
            assertThat(f.get("static_finding").booleanValue()).isFalse();
            assertThat(f.get("dynamic_finding").booleanValue()).isTrue();
            assertThat(f.get("active").booleanValue()).isTrue();
            assertThat(f.get("verified").booleanValue()).isFalse();
            assertThat(f.get("title").stringValue()).hasSizeLessThanOrEqualTo(511).doesNotContain("\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli-run1.json", "cli-run2.json", "bundle-run1.json", "cli-ctpf.json"})
    void tags_areValidDefectDojoTags(String fixture) {
        for (JsonNode f : findings(QaiConverter.convert(bytes(fixture)))) {
            assertThat(tags(f)).isNotEmpty().doesNotHaveDuplicates()
                    .allMatch(t -> t.matches(QaiFixtures.TAG_PATTERN), "matches " + QaiFixtures.TAG_PATTERN);
        }
        Map<String, JsonNode> out = QaiFixtures.byRawTitle("cli-run1.json");
        assertThat(tags(out.get("Unauthenticated tool invocation: 'delete_file'")))
                .containsExactly("owasp-mcp:mcp07", "qai:auth", "mcp-tool:delete_file");
        assertThat(tags(out.get("Excessive tool count: 37 tools exposed")))
                .containsExactly("owasp-mcp:mcp02", "qai:permissions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli-run1.json", "cli-run2.json"})
    void prompt_andServerInstructions_neverReachTheOutput(String fixture) {
        String out = new String(QaiConverter.convert(bytes(fixture)).genericFindingsJson(), StandardCharsets.UTF_8);

        assertThat(new String(bytes(fixture), StandardCharsets.UTF_8)).contains("PROMPT-CANARY-4c1e");
        assertThat(out).doesNotContain("PROMPT-CANARY-4c1e", "IGNORE ALL PRIOR RULES", "Interpret these",
                "SERVER-INSTRUCTIONS-CANARY-9d2b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli-run1.json", "bundle-run1.json"})
    void hostileText_staysInTextFields_neverInTitlesOrTags(String fixture) {
        QaiConversion c = QaiConverter.convert(bytes(fixture));
        String out = new String(c.genericFindingsJson(), StandardCharsets.UTF_8);

        List<JsonNode> all = findings(c);
        assertThat(all).extracting(f -> f.get("title").stringValue()).noneMatch(t -> t.contains(HOSTILE));
        assertThat(all).flatExtracting(QaiFixtures::tags).noneMatch(t -> t.contains("ignore"));
        JsonNode injection = all.stream().filter(f -> f.get("title").stringValue().startsWith("Injection pattern"))
                .findFirst().orElseThrow();
        assertThat(injection.get("steps_to_reproduce").stringValue()).contains(HOSTILE);
        // Evidence is shown literally (an indented code block): markup in it cannot render.
        assertThat(injection.get("steps_to_reproduce").stringValue())
                .contains("\n    <img src=x onerror=alert(1)> ![pixel](http://evil.example/p.png)");
        // Terminal escapes, bidi overrides and zero-width characters are gone from every field.
        assertThat(out).doesNotContain("\u001b", "\u202e", "\u202c", "\u200b", "\r", "\\u001b", "\\u202e");
    }

    @Test
    void evidence_andMetadata_goToStepsToReproduce_notTheDescription() {
        for (String fixture : List.of("cli-run1.json", "bundle-run1.json")) {
            for (JsonNode f : findings(QaiConverter.convert(bytes(fixture)))) {
                String description = f.get("description").stringValue();
                assertThat(description).doesNotContain("Evidence:", "Remediation:", "qai-canary-", "chars)", "session_id");
            }
        }
        JsonNode shell = QaiFixtures.byRawTitle("cli-run1.json")
                .get("Command injection in 'run_report' parameter 'format'");
        assertThat(shell.get("steps_to_reproduce").stringValue())
                .contains("payload: ; echo qai-canary-8f2c1d9e4b7a6c3d", "canary qai-canary-8f2c1d9e4b7a6c3d found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli-run1.json", "bundle-run1.json", "cli-ctpf.json", "cli-empty.json"})
    void sameReport_givesIdenticalBytes(String fixture) {
        byte[] first = QaiConverter.convert(bytes(fixture)).genericFindingsJson();
        byte[] second = QaiConverter.convert(bytes(fixture)).genericFindingsJson();
        // Reformatting the report (whitespace, no pretty printing) changes nothing either.
        byte[] compact = QaiConverter.convert(dev.dojomcp.defectdojo.Json.mapper()
                .writeValueAsBytes(QaiFixtures.json(bytes(fixture)))).genericFindingsJson();

        assertThat(second).isEqualTo(first);
        assertThat(compact).isEqualTo(first);
        assertThat(QaiConverter.convert(bytes(fixture))).isEqualTo(QaiConverter.convert(bytes(fixture)));
    }

    @Test
    void cliMapping_ofOneFinding() {
        JsonNode f = QaiFixtures.byRawTitle("cli-run1.json").get("Unauthenticated tool invocation: 'delete_file'");

        assertThat(f.get("title").stringValue()).isEqualTo("Unauthenticated tool invocation: 'delete_file'");
        assertThat(f.get("description").stringValue()).isEqualTo("Tool 'delete_file' can be invoked without any "
                + "authentication. The tool name suggests it performs sensitive operations (file, delete).\n\n"
                + "- qai category: auth\n- OWASP MCP Top 10: MCP07 (2025-beta)\n- MCP tool: `delete_file`");
        assertThat(f.get("mitigation").stringValue())
                .startsWith("Implement authentication checks before tool execution.")
                .contains("Actions (taxonomy: MCP07):\n- Require authentication on every MCP request",
                        "Actions (rule: is_sensitive):\n- Gate destructive tools",
                        "Risk factors (context: auth):\n- Exposure is higher",
                        "Caveats:\n- Scanner tested without credentials only.")
                .endsWith("security policies and risk tolerance.");
        assertThat(f.get("references").stringValue()).isEqualTo(
                "- OWASP MCP Top 10 MCP07 (2025-beta): Insufficient Authentication & Authorization\n"
                        + "- CWE-287: https://cwe.mitre.org/data/definitions/287.html\n"
                        + "- CWE-306: https://cwe.mitre.org/data/definitions/306.html\n"
                        + "- MITRE ATLAS AML.T0049\n"
                        + "- OWASP Top 10 for Agentic Applications ASI03");
        assertThat(f.get("cwe").intValue()).isEqualTo(287);
        assertThat(f.get("vuln_id_from_tool").stringValue()).isEqualTo("QAI-AUTH-002");
        assertThat(f.get("unique_id_from_tool").stringValue()).isEqualTo(
                FindingIds.uniqueId("QAI-AUTH-002", "delete_file", "Unauthenticated tool invocation: 'delete_file'"));
        assertThat(f.get("component_name").stringValue()).isEqualTo("acme-files-mcp");
        assertThat(f.get("component_version").stringValue()).isEqualTo("1.4.2");
        assertThat(f.get("date").stringValue()).isEqualTo("2026-07-13");
        assertThat(f.has("impact")).as("nothing volatile in title or description").isFalse();
        assertThat(f.get("steps_to_reproduce").stringValue()).contains(
                "    Rule: QAI-AUTH-002\n    MCP server: acme-files-mcp 1.4.2\n    MCP tool: delete_file",
                "    response_length: 4711\n", "    transport_note: null",
                "    Tool 'delete_file' returned a response (4711 chars) without authentication");
    }

    @Test
    void cwe_isTheFirstOfAListOrAString() {
        Map<String, JsonNode> out = QaiFixtures.byRawTitle("cli-run1.json");

        assertThat(out.get("Unauthenticated tool invocation: 'list_files'").get("cwe").intValue()).isEqualTo(306);
        assertThat(out.get("Command injection in 'run_report' parameter 'format'").get("cwe").intValue())
                .isEqualTo(78);
        assertThat(out.get("Injection pattern in 'read_file' response").get("cwe").intValue()).isEqualTo(94);
        assertThat(out.get("Outdated MCP protocol version").has("cwe")).isFalse();
        assertThat(out.get("Session data in 'get_profile' response").has("cwe")).as("empty list").isFalse();
    }

    @Test
    void nullMitigation_leavesTheRemediationAlone() {
        JsonNode f = QaiFixtures.byRawTitle("cli-run1.json").get("Unauthenticated tool invocation: 'list_files'");

        assertThat(f.get("mitigation").stringValue()).isEqualTo("Implement authentication checks before tool execution.");
    }

    @Test
    void serverLevelFinding_hasNoToolTagOrToolLine() {
        JsonNode f = QaiFixtures.byRawTitle("cli-run1.json").get("No logging capability advertised");

        assertThat(tags(f)).containsExactly("owasp-mcp:mcp08", "qai:audit_telemetry");
        assertThat(f.get("description").stringValue()).doesNotContain("MCP tool");
    }

    @Test
    void runBundle_matchesTheCliForTheSameScan() {
        Map<String, JsonNode> cli = QaiFixtures.byRawTitle("cli-run1.json");
        Map<String, JsonNode> bundle = QaiFixtures.byRawTitle("bundle-run1.json");

        assertThat(bundle.keySet()).containsExactlyElementsOf(cli.keySet());
        bundle.forEach((title, b) -> {
            JsonNode c = cli.get(title);
            assertThat(b.get("title")).as(title).isEqualTo(c.get("title"));
            assertThat(b.get("mitigation")).as(title).isEqualTo(c.get("mitigation"));
            assertThat(tags(b)).as(title).isSubsetOf(tags(c));
            assertThat(b.get("date")).as(title).isEqualTo(c.get("date"));
            if (!title.equals("No logging capability advertised")) {
                assertThat(b.get("description")).as(title).isEqualTo(c.get("description"));
                assertThat(b.get("references")).as(title).isEqualTo(c.get("references"));
                assertThat(b.get("cwe")).as(title).isEqualTo(c.get("cwe"));
            }
        });
        // The bundle stores no rule id: a stand-in from module and category, and the evidence from the description.
        JsonNode delete = bundle.get("Unauthenticated tool invocation: 'delete_file'");
        assertThat(delete.get("vuln_id_from_tool").stringValue()).isEqualTo("qai:audit:auth");
        assertThat(delete.get("steps_to_reproduce").stringValue())
                .contains("Rule: qai:audit:auth (not in the report)", "MCP tool: delete_file",
                        "    Tool 'delete_file' returned a response (4711 chars) without authentication");
    }

    @Test
    void runBundle_malformedFrameworkIdsString_countsAsAbsent() {
        JsonNode f = QaiFixtures.byRawTitle("bundle-run1.json").get("No logging capability advertised");

        assertThat(f.has("cwe")).isFalse();
        assertThat(f.has("references")).isFalse();
        assertThat(tags(f)).containsExactly("qai:audit_telemetry");
        assertThat(f.get("severity").stringValue()).isEqualTo("Low");
        assertThat(f.get("mitigation").stringValue()).isEqualTo("Advertise and implement the logging capability.");
    }

    @Test
    void runBundle_serverNameComesFromTheAuditScanNotTheTargetLabel() {
        QaiConversion c = QaiConverter.convert(bytes("bundle-run1.json"));

        assertThat(c.serverName()).isEqualTo("acme-files-mcp");
        assertThat(findings(c)).allMatch(f -> f.get("component_name").stringValue().equals("acme-files-mcp")
                && f.get("component_version").stringValue().equals("1.4.2"));
    }

    @Test
    void runBundle_withoutAuditScans_fallsBackToTheTargetName() {
        String bundle = "{\"schema_version\":\"run-bundle-v1\",\"run\":{},\"child_runs\":[],\"audit_scans\":[],"
                + "\"target\":{\"type\":\"server\",\"name\":\"Acme files (staging)\"},\"findings\":[]}";

        assertThat(QaiConverter.convert(bundle.getBytes(StandardCharsets.UTF_8)).serverName())
                .isEqualTo("Acme files (staging)");
    }

    @Test
    void ctpfReport_withRenamedIdsAndUnknownFields_converts() {
        QaiConversion c = QaiConverter.convert(bytes("cli-ctpf.json"));
        JsonNode f = findings(c).get(0);
        JsonNode qai = QaiFixtures.byRawTitle("cli-run1.json").get("Unauthenticated tool invocation: 'delete_file'");

        assertThat(c.serverName()).as("scan.server given as a plain string").isEqualTo("acme-files-mcp");
        assertThat(f.get("vuln_id_from_tool").stringValue()).isEqualTo("CTPF-AUTH-002");
        assertThat(f.get("unique_id_from_tool")).as("same finding across the rename")
                .isEqualTo(qai.get("unique_id_from_tool"));
        assertThat(f.get("cwe").intValue()).isEqualTo(306);
        assertThat(tags(f)).containsExactly("owasp-mcp:mcp07", "qai:auth", "mcp-tool:delete_file");
        assertThat(f.get("references").stringValue()).contains("nist_csf: PR.AA-03");
        assertThat(f.has("component_version")).isFalse();
    }

    @Test
    void emptyFindingsList_isAValidReportWithNothingToImport() {
        QaiConversion c = QaiConverter.convert(bytes("cli-empty.json"));

        assertThat(c.findingCount()).isZero();
        assertThat(c.bySeverity()).containsExactly(Map.entry("Critical", 0), Map.entry("High", 0),
                Map.entry("Medium", 0), Map.entry("Low", 0), Map.entry("Info", 0));
        assertThat(new String(c.genericFindingsJson(), StandardCharsets.UTF_8)).isEqualTo("{\"findings\":[]}");
        assertThat(c.serverName()).isEqualTo("quiet-server");
    }

    @Test
    void reportWithoutServer_hasNoComponent() {
        QaiConversion c = QaiConverter.convert(
                "{\"findings\":[{\"title\":\"T\",\"severity\":\"low\"}]}".getBytes(StandardCharsets.UTF_8));
        JsonNode f = findings(c).get(0);

        assertThat(c.serverName()).isNull();
        assertThat(f.has("component_name")).isFalse();
        assertThat(f.get("vuln_id_from_tool").stringValue()).isEqualTo("qai:audit:uncategorised");
        assertThat(f.get("description").stringValue()).isEqualTo("- qai category: none");
        assertThat(f.has("date")).isFalse();
    }

    @Test
    void longTitle_isCappedToDefectDojosLimit() {
        String title = "Embedded instruction in tool '" + "x".repeat(3000) + "'";
        String report = "{\"findings\":[{\"rule_id\":\"QAI-TPOIS-001\",\"title\":\"" + title
                + "\",\"severity\":\"high\",\"tool_name\":\"" + "y".repeat(3000) + "\"}]}";
        JsonNode f = findings(QaiConverter.convert(report.getBytes(StandardCharsets.UTF_8))).get(0);

        assertThat(f.get("title").stringValue()).hasSize(TitleNormaliser.MAX_TITLE);
        assertThat(tags(f)).allMatch(t -> t.length() <= TagSanitiser.MAX_TAG);
    }

    @Test
    void conversion_isAValueWithACopiedPayload() {
        QaiConversion c = QaiConverter.convert(bytes("cli-empty.json"));
        byte[] json = c.genericFindingsJson();
        json[0] = 'X';

        assertThat(c.genericFindingsJson()[0]).isEqualTo((byte) '{');
        assertThat(c.toString()).contains("15 bytes").doesNotContain("findings\"");
        List<String> keys = new ArrayList<>(c.bySeverity().keySet());
        assertThat(keys).containsExactly("Critical", "High", "Medium", "Low", "Info");
        assertThat(c.bySeverity().entrySet().stream().map(Map.Entry::getKey).collect(Collectors.toList()))
                .isEqualTo(keys);
    }
}
