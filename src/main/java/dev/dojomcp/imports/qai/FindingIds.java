package dev.dojomcp.imports.qai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** DefectDojo's {@code vuln_id_from_tool} and {@code unique_id_from_tool} for a qai finding. */
final class FindingIds {
    /** DefectDojo's {@code vuln_id_from_tool} and {@code unique_id_from_tool} are CharField(max_length=500). */
    static final int MAX_ID = 500;

    private FindingIds() {
    }

    /**
     * The qai rule id; when the report has none (the run bundle does not store it), a stable stand-in from
     * module and category, e.g. {@code qai:audit:auth}. It is coarser than a rule id (all auth rules share it),
     * but the same for every run.
     */
    static String vulnId(QaiFinding f) {
        String rule = TextSanitiser.cap(TextSanitiser.oneLine(f.ruleId()), MAX_ID);
        if (!rule.isEmpty()) {
            return rule;
        }
        String module = TagSanitiser.clean(f.module());
        String category = TagSanitiser.clean(f.category());
        return TextSanitiser.cap("qai:" + (module.isEmpty() ? "audit" : module) + ":"
                + (category.isEmpty() ? "uncategorised" : category), MAX_ID);
    }

    /**
     * Hex SHA-256 over rule id, tool name and normalised title. qai's rule ids are not unique per finding
     * (QAI-AUTH-002 is reported once per tool), the three together are. The tool was renamed to CTPF with the
     * rule numbers kept, so {@code CTPF-AUTH-002} counts as {@code QAI-AUTH-002} here and a finding keeps its id
     * across the rename.
     */
    static String uniqueId(String vulnId, String toolName, String normalisedTitle) {
        String rule = vulnId.regionMatches(true, 0, "CTPF-", 0, 5) ? "QAI-" + vulnId.substring(5) : vulnId;
        String key = rule.toUpperCase(Locale.ROOT) + "\n" + TextSanitiser.oneLine(toolName) + "\n" + normalisedTitle;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
