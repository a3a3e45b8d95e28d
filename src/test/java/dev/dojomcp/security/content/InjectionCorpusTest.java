package dev.dojomcp.security.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.server.StandardCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@link InjectionDetector} on the labelled corpus
 * {@code src/test/resources/security/injection-corpus.tsv}. Fails when overall precision or recall falls below
 * the values recorded in {@code corpus-baseline.properties}; prints the table and every misclassified line.
 */
class InjectionCorpusTest {

    record Item(int line, boolean attack, ContentCategory expected, String text) {
    }

    @Test
    void corpus_meetsRecordedPrecisionAndRecall() throws IOException {
        List<Item> items = load();
        assertThat(items.stream().filter(Item::attack).count()).isGreaterThanOrEqualTo(150);
        assertThat(items.stream().filter(i -> !i.attack()).count()).isGreaterThanOrEqualTo(150);

        InjectionDetector detector = new InjectionDetector(
                StandardCatalog.create().all().stream().map(t -> t.name()).toList());
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int tn = 0;
        int rightCategory = 0;
        Map<ContentCategory, int[]> perCategory = new EnumMap<>(ContentCategory.class); // tp, fp, fn
        for (ContentCategory c : ContentCategory.values()) {
            perCategory.put(c, new int[3]);
        }
        List<String> falsePositives = new ArrayList<>();
        List<String> falseNegatives = new ArrayList<>();
        List<String> wrongCategory = new ArrayList<>();
        for (Item item : items) {
            Optional<ContentCategory> got = detector.check(item.text());
            if (item.attack()) {
                if (got.isPresent()) {
                    tp++;
                    if (got.get() == item.expected()) {
                        rightCategory++;
                    } else {
                        wrongCategory.add(describe(item, got));
                    }
                } else {
                    fn++;
                    falseNegatives.add(describe(item, got));
                }
            } else if (got.isPresent()) {
                fp++;
                falsePositives.add(describe(item, got));
            } else {
                tn++;
            }
            for (ContentCategory c : ContentCategory.values()) {
                boolean expected = item.attack() && item.expected() == c;
                boolean predicted = got.isPresent() && got.get() == c;
                int[] counts = perCategory.get(c);
                if (expected && predicted) {
                    counts[0]++;
                } else if (predicted) {
                    counts[1]++;
                } else if (expected) {
                    counts[2]++;
                }
            }
        }
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%nInjection corpus: %d attacks, %d benign%n",
                tp + fn, fp + tn));
        report.append(String.format(Locale.ROOT, "%-22s %6s %9s %7s %4s %4s %4s%n",
                "category", "items", "precision", "recall", "tp", "fp", "fn"));
        for (ContentCategory c : ContentCategory.values()) {
            int[] k = perCategory.get(c);
            report.append(String.format(Locale.ROOT, "%-22s %6d %9.3f %7.3f %4d %4d %4d%n", c.wire(),
                    k[0] + k[2], ratio(k[0], k[0] + k[1]), ratio(k[0], k[0] + k[2]), k[0], k[1], k[2]));
        }
        report.append(String.format(Locale.ROOT, "%-22s %6d %9.3f %7.3f %4d %4d %4d%n", "overall (any category)",
                tp + fn, precision, recall, tp, fp, fn));
        report.append(String.format(Locale.ROOT, "category accuracy of detected attacks: %.3f (%d of %d)%n",
                ratio(rightCategory, tp), rightCategory, tp));
        report.append("false positives:").append(falsePositives.isEmpty() ? " none" : "").append('\n');
        falsePositives.forEach(s -> report.append("  ").append(s).append('\n'));
        report.append("false negatives:").append(falseNegatives.isEmpty() ? " none" : "").append('\n');
        falseNegatives.forEach(s -> report.append("  ").append(s).append('\n'));
        report.append("detected with another category:").append(wrongCategory.isEmpty() ? " none" : "").append('\n');
        wrongCategory.forEach(s -> report.append("  ").append(s).append('\n'));
        System.out.println(report);

        ContentBaseline baseline = ContentBaseline.load();
        assertThat(precision).as("overall precision (baseline %s)%s", baseline.corpusPrecision(), report)
                .isGreaterThanOrEqualTo(baseline.corpusPrecision());
        assertThat(recall).as("overall recall (baseline %s)%s", baseline.corpusRecall(), report)
                .isGreaterThanOrEqualTo(baseline.corpusRecall());
    }

    @Test
    void escapes_decodeAsDocumented() {
        assertThat(decode("a\\nb\\tc\\\\d\\u200Be")).isEqualTo("a\nb\tc\\d\u200Be");
        assertThat(decode("\\uD835\\uDC22")).isEqualTo("\uD835\uDC22");
    }

    static List<Item> load() throws IOException {
        String tsv;
        try (InputStream in = InjectionCorpusTest.class.getResourceAsStream("/security/injection-corpus.tsv")) {
            assertThat(in).as("injection-corpus.tsv on the test class path").isNotNull();
            tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Item> items = new ArrayList<>();
        String[] lines = tsv.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#") || line.startsWith("label\t")) {
                continue;
            }
            String[] cols = line.split("\t", 3);
            assertThat(cols).as("line %d has label, category and text", i + 1).hasSize(3);
            boolean attack = switch (cols[0]) {
                case "attack" -> true;
                case "benign" -> false;
                default -> throw new AssertionError("line " + (i + 1) + ": label must be attack or benign");
            };
            ContentCategory expected = attack ? ContentCategory.fromWire(cols[1]) : null;
            assertThat(attack || cols[1].equals("-")).as("line %d: benign items have category -", i + 1).isTrue();
            items.add(new Item(i + 1, attack, expected, decode(cols[2])));
        }
        return items;
    }

    /** The corpus escapes: backslash-n, backslash-t, double backslash and backslash-u with four hex digits. */
    static String decode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in: " + s);
            }
        }
        return out.toString();
    }

    private static String describe(Item item, Optional<ContentCategory> got) {
        String text = item.text().replace("\n", "\\n");
        if (text.length() > 90) {
            text = text.substring(0, 90) + "…";
        }
        return String.format(Locale.ROOT, "line %d [%s → %s] %s", item.line(),
                item.attack() ? item.expected().wire() : "benign", got.map(ContentCategory::wire).orElse("clean"),
                text);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
