package dev.dojomcp.imports.qai;

/**
 * Cleans report text before it goes into a DefectDojo field. Report text is untrusted: titles, evidence and
 * metadata can carry text chosen by the scanned server.
 */
final class TextSanitiser {
    static final String TRUNCATED = " [truncated]";

    private TextSanitiser() {
    }

    /**
     * Multi-line text: line breaks normalised to {@code \n}, tabs to spaces, control and invisible format
     * characters (zero-width, bidi overrides) and unpaired surrogates removed, trailing blanks trimmed.
     */
    static String multiLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                out.append('\n');
            } else if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (keep(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return trimLines(out);
    }

    /** One line: {@link #multiLine} and then every run of whitespace collapsed to one space. */
    static String oneLine(String text) {
        String clean = multiLine(text);
        StringBuilder out = new StringBuilder(clean.length());
        boolean space = false;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** At most {@code max} code points; longer text is cut and ends with {@link #TRUNCATED}. */
    static String truncate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int keep = Math.max(0, max - TRUNCATED.length());
        return text.substring(0, text.offsetByCodePoints(0, keep)).stripTrailing() + TRUNCATED;
    }

    /** At most {@code max} code points, cut without a marker (for identifiers and names). */
    static String cap(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)).stripTrailing();
    }

    /**
     * Untrusted text as a Markdown indented code block, so DefectDojo renders it literally: no links, images
     * or HTML from the scanned server. Indentation cannot be closed from inside, unlike a fence.
     */
    static String codeBlock(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("    ").append(line);
        }
        return out.toString();
    }

    /**
     * Untrusted one-line text as a Markdown code span. The fence is one backtick longer than the longest run of
     * backticks inside, so the text cannot close it.
     */
    static String inlineCode(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    private static boolean keep(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE;
    }

    private static String trimLines(StringBuilder text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.toString().split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.stripTrailing());
        }
        return out.toString().strip();
    }
}
