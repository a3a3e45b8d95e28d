package dev.dojomcp.security.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.sandbox.CsvTable;
import dev.dojomcp.server.StandardCatalog;
import dev.dojomcp.testing.TestServers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link InjectionDetector} over real finding text: every scanner report listed in
 * {@code ../shared/data/defectdojo/scans/MANIFEST.tsv} (DefectDojo's parser test data) and the findings and notes of
 * DefectDojo's fixtures. None of it is copied into this repository; the test is skipped when the folder is absent.
 *
 * <p>Finding text is the string value of fields whose name (case-insensitive) is in {@link #TEXT_FIELDS}: titles,
 * names, descriptions, messages, impact, mitigation/remediation/solution, references, steps to reproduce and the
 * scanner evidence DefectDojo copies into descriptions (evidence, attack, payload, other info, plugin output, code,
 * commit message) and the lines secret scanners quote (line, offender, match, secret). SARIF's {@code text} and
 * {@code markdown} count under message, shortDescription, fullDescription, help and snippet. Only strings of at least 12 characters that contain a space are checked (identifiers, versions and package
 * names are not prose), each distinct text once. XML values marked {@code base64="true"} are skipped.
 *
 * <p>None of this text was written to attack a model, so every hit of instruction_override, role_marker or tool_call
 * is a false positive; the test fails when their rate exceeds {@code real.false_positive_rate.max} in
 * {@code corpus-baseline.properties}. Hits of embedded_secret are printed for review, not counted: the reports of
 * secret scanners (gitleaks) quote the secrets they found.
 */
class RealFindingTextTest {
    static final Set<String> TEXT_FIELDS = Set.of("title", "name", "description", "desc", "message", "impact",
            "mitigation", "remediation", "recommendation", "solution", "fix", "summary", "details", "issue_text",
            "references", "reference", "steps_to_reproduce", "severity_justification", "check_name", "test_name",
            "resolution", "shortdescription", "fulldescription", "help", "evidence", "attack", "payload",
            "otherinfo", "plugin_output", "synopsis", "issuebackground", "remediationbackground", "issuedetail",
            "remediationdetail", "alert", "pluginname", "plugin_name", "code", "commitmessage", "consequence",
            "diagnosis", "plugin text", "plugin name", "see also", "entry", "line", "offender", "match", "secret");
    private static final Set<String> SARIF_TEXT_PARENTS = Set.of("message", "shortdescription", "fulldescription",
            "help", "snippet");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Text(String source, String field, String value) {
    }

    @Test
    void realFindingText_staysUnderRecordedFalsePositiveRate() throws Exception {
        Path manifest = TestServers.sharedData("scans/MANIFEST.tsv");
        Path scans = manifest.getParent();
        Map<String, Text> texts = new LinkedHashMap<>();
        int reports = 0;
        for (String line : Files.readAllLines(manifest)) {
            String[] row = line.split("\t");
            if (row.length != 2 || row[0].equals("file")) {
                continue;
            }
            reports++;
            Path file = scans.resolve(row[0]);
            byte[] content = Files.readAllBytes(file);
            String name = row[0].toLowerCase(Locale.ROOT);
            if (name.endsWith(".json") || name.endsWith(".sarif")) {
                readJson(row[0], content, texts);
            } else if (name.endsWith(".xml")) {
                readXml(row[0], content, texts);
            } else if (name.endsWith(".csv")) {
                readCsv(row[0], new String(content, StandardCharsets.UTF_8), texts);
            }
        }
        Path fixtures = scans.resolveSibling("fixtures");
        for (String fixture : List.of("defect_dojo_sample_data_2021.json", "dojo_testdata.json")) {
            if (Files.isReadable(fixtures.resolve(fixture))) {
                readFixture("fixtures/" + fixture, Files.readAllBytes(fixtures.resolve(fixture)), texts);
            }
        }

        InjectionDetector detector = new InjectionDetector(
                StandardCatalog.create().all().stream().map(t -> t.name()).toList());
        Map<ContentCategory, Integer> counts = new EnumMap<>(ContentCategory.class);
        List<String> falsePositives = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        int flaggedTexts = 0;
        long started = System.nanoTime();
        for (Text t : texts.values()) {
            EnumSet<ContentCategory> found = detector.categories(t.value());
            found.forEach(c -> counts.merge(c, 1, Integer::sum));
            EnumSet<ContentCategory> injection = EnumSet.copyOf(found);
            injection.remove(ContentCategory.EMBEDDED_SECRET);
            if (!injection.isEmpty()) {
                flaggedTexts++;
                falsePositives.add(describe(t, injection.toString()));
            }
            if (found.contains(ContentCategory.EMBEDDED_SECRET)) {
                List<String> classes = SecretScanner.standard().find(UnicodeFolding.forSecrets(t.value())).stream()
                        .map(SecretMatch::secretClass).distinct().toList();
                secrets.add(describe(t, classes.toString()));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        double rate = texts.isEmpty() ? 0 : (double) flaggedTexts / texts.size();

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%nReal finding text: %d reports + DefectDojo fixtures, %d distinct "
                + "texts checked in %d ms%n", reports, texts.size(), millis));
        for (ContentCategory c : ContentCategory.values()) {
            report.append(String.format(Locale.ROOT, "  %-22s %5d%n", c.wire(), counts.getOrDefault(c, 0)));
        }
        report.append(String.format(Locale.ROOT, "false positives (injection categories): %d of %d = %.4f%n",
                flaggedTexts, texts.size(), rate));
        falsePositives.forEach(s -> report.append("  ").append(s).append('\n'));
        report.append(String.format(Locale.ROOT, "embedded_secret hits (for review, not counted): %d%n",
                secrets.size()));
        secrets.forEach(s -> report.append("  ").append(s).append('\n'));
        System.out.println(report);

        assertThat(texts.size()).as("texts extracted from the shared reports").isGreaterThan(1000);
        double max = ContentBaseline.load().realFalsePositiveRate();
        assertThat(rate).as("false-positive rate on real finding text (baseline %s)%s", max, report)
                .isLessThanOrEqualTo(max);
    }

    // ------------------------------------------------------------------------------------------------ extraction

    private static void readJson(String source, byte[] content, Map<String, Text> texts) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (RuntimeException notOneDocument) {
            // JSON lines (nuclei): one document per line
            for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    walkJson(source, null, JSON.readTree(line), texts);
                }
            }
            return;
        }
        walkJson(source, null, root, texts);
    }

    private static void walkJson(String source, String parentKey, JsonNode node, Map<String, Text> texts) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey().toLowerCase(Locale.ROOT);
                JsonNode value = e.getValue();
                if (value.isString()) {
                    boolean sarifText = (key.equals("text") || key.equals("markdown")) && parentKey != null
                            && SARIF_TEXT_PARENTS.contains(parentKey);
                    if (TEXT_FIELDS.contains(key) || sarifText) {
                        add(texts, source, sarifText ? parentKey + "." + key : key, value.stringValue());
                    }
                } else {
                    walkJson(source, key, value, texts);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                walkJson(source, parentKey, element, texts);
            }
        }
    }

    private static void readFixture(String source, byte[] content, Map<String, Text> texts) {
        for (JsonNode object : JSON.readTree(content)) {
            String model = object.path("model").asString("");
            if (model.equals("dojo.finding") || model.equals("dojo.notes")) {
                walkJson(source, null, object.path("fields"), texts);
            }
        }
    }

    private static void readXml(String source, byte[] content, Map<String, Text> texts) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setNamespaceAware(true);
        walkXml(source, factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement(),
                texts);
    }

    private static void walkXml(String source, Element element, Map<String, Text> texts) {
        String name = (element.getLocalName() != null ? element.getLocalName() : element.getTagName())
                .toLowerCase(Locale.ROOT);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (TEXT_FIELDS.contains(a.getNodeName().toLowerCase(Locale.ROOT))) {
                add(texts, source, name + "@" + a.getNodeName(), a.getNodeValue());
            }
        }
        boolean hasChildElements = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                hasChildElements = true;
                walkXml(source, e, texts);
            }
        }
        if (!hasChildElements && TEXT_FIELDS.contains(name) && !"true".equals(element.getAttribute("base64"))) {
            add(texts, source, name, element.getTextContent());
        }
    }

    private static void readCsv(String source, String content, Map<String, Text> texts) {
        for (Map<String, String> row : CsvTable.parse(content).rows()) {
            for (Map.Entry<String, String> cell : row.entrySet()) {
                if (cell.getKey() != null && TEXT_FIELDS.contains(cell.getKey().strip().toLowerCase(Locale.ROOT))) {
                    add(texts, source, cell.getKey().strip(), cell.getValue());
                }
            }
        }
    }

    private static void add(Map<String, Text> texts, String source, String field, String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.length() >= 12 && v.indexOf(' ') >= 0) {
            texts.putIfAbsent(v, new Text(source, field, v));
        }
    }

    private static String describe(Text t, String what) {
        String snippet = SecretScanner.standard().redact(t.value()).replace("\n", "\\n");
        if (snippet.length() > 140) {
            snippet = snippet.substring(0, 140) + "…";
        }
        return t.source() + " " + t.field() + " " + what + ": " + snippet;
    }
}
