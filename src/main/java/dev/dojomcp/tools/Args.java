package dev.dojomcp.tools;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Argument checks shared by input records; failures name the field and the rule, never the value. */
public final class Args {
    /** DefectDojo refuses tags with spaces, commas or quotes, and splits on commas. */
    private static final Pattern TAG = Pattern.compile("[a-z0-9._:/+=@-]{1,100}");

    private Args() {
    }

    public static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    public static String date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new ToolInputException(field, "must be a date in the form YYYY-MM-DD");
        }
    }

    /**
     * Lower-cases tag names (DefectDojo stores them lower case and matches exactly) and checks the
     * characters. Nothing is trimmed: a tag with white space, a line or paragraph separator, a control
     * character, a comma (DefectDojo would split it) or a quote is refused.
     */
    public static List<String> tags(String field, List<String> tags) {
        if (tags == null) {
            return null;
        }
        return tags.stream().map(t -> {
            String lower = t == null ? "" : t.toLowerCase(Locale.ROOT);
            if (!TAG.matcher(lower).matches()) {
                throw new ToolInputException(field,
                        "tags are 1-100 characters of letters, digits and . _ : / + = @ - (no spaces, commas or quotes)");
            }
            return lower;
        }).toList();
    }

    /** A required single-line text: present, 1 to {@code maxLength} characters, no control characters. */
    public static String requiredText(String field, String value, int maxLength) {
        if (value == null) {
            throw new ToolInputException(field, "is required");
        }
        return text(field, value, maxLength);
    }

    /**
     * Free text that may span lines (descriptions, notes): 1 to {@code maxLength} characters; tabs
     * and line breaks are kept, other control and format characters refused.
     */
    public static String multiline(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (s.isEmpty() || s.length() > maxLength) {
            throw new ToolInputException(field, "must be 1-" + maxLength + " characters");
        }
        boolean bad = s.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t'
                && (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT
                || c == 0x2028 || c == 0x2029));
        if (bad) {
            throw new ToolInputException(field, "must not contain control or invisible format characters");
        }
        return s;
    }

    public static String requiredMultiline(String field, String value, int maxLength) {
        if (value == null) {
            throw new ToolInputException(field, "is required");
        }
        return multiline(field, value, maxLength);
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (s.isEmpty() || s.length() > maxLength) {
            throw new ToolInputException(field, "must be 1-" + maxLength + " characters");
        }
        if (s.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029)) {
            throw new ToolInputException(field, "must not contain control, line-break or invisible format characters");
        }
        return s;
    }
}
