package dev.dojomcp.imports.qai;

import java.util.Locale;

/**
 * Finding tags DefectDojo accepts: it splits tags on commas, refuses spaces and quotes with 400 and stores tags
 * in lower case. Tags here are lower case and use only {@code [a-z0-9._:/+=@-]}; runs of any other character
 * become one {@code -}.
 */
final class TagSanitiser {
    static final int MAX_TAG = 100;

    private TagSanitiser() {
    }

    /** {@code prefix:value} with the value cleaned, or null when nothing usable is left of the value. */
    static String tag(String prefix, String value) {
        String clean = clean(value);
        if (clean.isEmpty()) {
            return null;
        }
        return TextSanitiser.cap(prefix + ":" + clean, MAX_TAG).replaceAll("-+$", "");
    }

    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String lower = TextSanitiser.oneLine(value).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            boolean dash = !allowed(cp);
            if (dash || cp == '-') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
            } else {
                out.append((char) cp);
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }

    static boolean isValid(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > MAX_TAG) {
            return false;
        }
        return tag.chars().allMatch(TagSanitiser::allowed);
    }

    private static boolean allowed(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')
                || cp == '.' || cp == '_' || cp == ':' || cp == '/' || cp == '+' || cp == '=' || cp == '@' || cp == '-';
    }
}
