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

    /** Lower-cases tag names (DefectDojo stores them lower case and matches exactly) and checks the characters. */
    public static List<String> tags(String field, List<String> tags) {
        if (tags == null) {
            return null;
        }
        return tags.stream().map(t -> {
            String lower = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(lower).matches()) {
                throw new ToolInputException(field,
                        "tags are 1-100 characters of letters, digits and . _ : / + = @ - (no spaces, commas or quotes)");
            }
            return lower;
        }).toList();
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (s.isEmpty() || s.length() > maxLength) {
            throw new ToolInputException(field, "must be 1-" + maxLength + " characters");
        }
        if (s.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new ToolInputException(field, "must not contain control characters");
        }
        return s;
    }
}
