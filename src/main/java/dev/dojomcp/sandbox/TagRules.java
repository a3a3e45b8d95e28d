package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DefectDojo's tag item rules (§11 trap 4): a value is split at commas, a tag with whitespace or a quote is
 * rejected, tags are stored in lower case.
 */
final class TagRules {
    static final String INVALID = "Tags should not contain spaces, commas, or quotes.";

    private TagRules() {
    }

    /** The tags in {@code values}, or null after recording an error on {@code field}. */
    static List<String> parse(RequestFields in, String field, List<String> values) {
        List<String> tags = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (!valid(part)) {
                    in.error(field, INVALID);
                    return null;
                }
                tags.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return tags;
    }

    private static boolean valid(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
