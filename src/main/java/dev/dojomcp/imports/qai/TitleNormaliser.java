package dev.dojomcp.imports.qai;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes titles and descriptions byte-stable across runs of the same scan, because DefectDojo's default
 * deduplication for Generic Findings Import hashes title and description. qai writes counts and measurements
 * into both ("Excessive tool count: 37 tools exposed", "Server exposes 37 tools (threshold: 20)"), so:
 * <ul>
 *   <li>dates and date-times become {@code DATE}, clock times {@code TIME};</li>
 *   <li>UUIDs and long hex strings (session ids, canary tokens) become {@code ID};</li>
 *   <li>free-standing numbers become {@code N}, a unit written onto the number stays ({@code 37}, {@code 5/12},
 *       {@code 42%}, {@code 1.5s} become {@code N}, {@code N/N}, {@code N%}, {@code Ns}).</li>
 * </ul>
 * Kept as they are: text inside quotes (qai quotes tool, resource and parameter names, which are stable),
 * numbers that are part of a word or identifier ({@code CWE-78}, {@code MCP07}, {@code v1.2}, {@code get_2fa},
 * {@code 0.0.0-SNAPSHOT}, {@code host:6274}) and a few well-known constants ({@code Top 10}, {@code RFC 9728},
 * {@code port 6274}, {@code HTTP 401}, {@code TLS 1.2}).
 */
final class TitleNormaliser {
    /** DefectDojo's {@code Finding.title} is a CharField(max_length=511). */
    static final int MAX_TITLE = 511;

    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}_])";
    private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}_])";
    private static final Pattern DATE_TIME = Pattern.compile(NOT_WORD_BEFORE
            + "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
            + NOT_WORD_AFTER);
    private static final Pattern TIME = Pattern.compile("(?<![\\p{L}\\p{N}_:.])"
            + "\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|\\s?(?i:am|pm|utc))?(?![\\p{L}\\p{N}_:])");
    private static final Pattern UUID = Pattern.compile(NOT_WORD_BEFORE
            + "(?i:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})" + NOT_WORD_AFTER);
    private static final Pattern LONG_HEX = Pattern.compile(NOT_WORD_BEFORE
            + "(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{16,}" + NOT_WORD_AFTER);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}_.:\\-])"
            + "(?<!(?i:top|rfc|http|https|tls|port|cwe|cve) )"
            + "\\d+(?:[.,]\\d+)*((?i:ms|us|ns|s|kb|mb|gb|kib|mib|gib|b|k|x)?)"
            + "(?![\\p{L}\\p{N}_\\-]|[.,]\\d)");

    private TitleNormaliser() {
    }

    /** A one-line title without volatile parts, at most {@link #MAX_TITLE} characters. */
    static String title(String raw) {
        return TextSanitiser.cap(TextSanitiser.oneLine(stripVolatile(TextSanitiser.oneLine(raw))), MAX_TITLE);
    }

    /** Multi-line text (a description) without volatile parts; line structure is kept. */
    static String text(String raw) {
        return stripVolatile(TextSanitiser.multiLine(raw));
    }

    static String stripVolatile(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int plainStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '\'' || c == '"') && opensQuote(text, i)) {
                int close = closingQuote(text, i + 1, c);
                if (close > 0) {
                    out.append(replaceTokens(text.substring(plainStart, i)));
                    out.append(text, i, close + 1);
                    i = close + 1;
                    plainStart = i;
                    continue;
                }
            }
            i++;
        }
        out.append(replaceTokens(text.substring(plainStart)));
        return out.toString();
    }

    private static boolean opensQuote(String text, int at) {
        return at == 0 || !Character.isLetterOrDigit(text.codePointBefore(at));
    }

    /** The matching quote on the same line that is not followed by a letter or digit, or -1. */
    private static int closingQuote(String text, int from, char quote) {
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n') {
                return -1;
            }
            if (c == quote && (j + 1 == text.length() || !Character.isLetterOrDigit(text.codePointAt(j + 1)))) {
                return j;
            }
        }
        return -1;
    }

    private static String replaceTokens(String plain) {
        if (plain.isEmpty()) {
            return plain;
        }
        String s = replace(DATE_TIME, plain, "DATE");
        s = replace(TIME, s, "TIME");
        s = replace(UUID, s, "ID");
        s = replace(LONG_HEX, s, "ID");
        return replace(NUMBER, s, "N$1");
    }

    private static String replace(Pattern pattern, String text, String placeholder) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(placeholder) : text;
    }
}
