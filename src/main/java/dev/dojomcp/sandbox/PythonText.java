package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The few pieces of Python text behaviour DefectDojo's answers show: {@code repr()} of strings and string lists
 * (messages such as "Not allowed fields are present: ['x']") and {@code textwrap.shorten} (SARIF titles).
 * Written from the documented behaviour, not ported.
 */
final class PythonText {
    private static final String PLACEHOLDER = " [...]";
    /** What Python's str.split() splits on: Unicode white space plus the ASCII separators 0x1c–0x1f. */
    private static final String WHITESPACE =
            "[\\s\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\x1c-\\x1f]+";

    private PythonText() {
    }

    /** {@code repr(str)}: single quotes unless the text has a single quote and no double quote. */
    static String repr(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c != ' ' && !printable(c)) {
                out.append(c < 0x100 ? String.format("\\x%02x", c)
                        : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(quote).toString();
    }

    /** {@code repr(list_of_str)}: {@code ['a', 'b']}. */
    static String repr(List<String> items) {
        List<String> parts = new ArrayList<>(items.size());
        items.forEach(i -> parts.add(repr(i)));
        return "[" + String.join(", ", parts) + "]";
    }

    /** Python's str.isprintable() per code point: no control, format, separator or unassigned characters. */
    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * {@code textwrap.shorten(text, width)}: whitespace runs collapse to one space; text longer than the width
     * keeps as many leading words as fit together with " [...]". Words split after a hyphen between letters
     * ("cross-" "site"), as textwrap does; its em-dash splitting and its hyphen search inside a single word
     * longer than the width are not modelled.
     */
    static String shorten(String text, int width) {
        List<String> chunks = new ArrayList<>();
        for (String word : text.strip().split(WHITESPACE)) {
            if (!word.isEmpty()) {
                if (!chunks.isEmpty()) {
                    chunks.add(" ");
                }
                chunks.addAll(hyphenChunks(word));
            }
        }
        String joined = String.join("", chunks);
        if (joined.length() <= width) {
            return joined;
        }
        // Greedy line fill, then drop chunks from the end until the placeholder fits after a word.
        int length = 0;
        int count = 0;
        while (count < chunks.size() && length + chunks.get(count).length() <= width) {
            length += chunks.get(count++).length();
        }
        while (count > 0 && (chunks.get(count - 1).isBlank() || length + PLACEHOLDER.length() > width)) {
            length -= chunks.get(--count).length();
        }
        return count == 0 ? PLACEHOLDER.strip() : joined.substring(0, length) + PLACEHOLDER;
    }

    /** "cross-site" → ["cross-", "site"]: a break after a hyphen preceded by two letters and followed by one. */
    private static List<String> hyphenChunks(String word) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < word.length() - 1; i++) {
            if (word.charAt(i) == '-' && letterBefore(word, i) && letter(word, i + 1)
                    && (letter(word, i + 2) || (i + 3 < word.length() && word.charAt(i + 2) == '-'
                    && letter(word, i + 3)))) {
                chunks.add(word.substring(start, i + 1));
                start = i + 1;
            }
        }
        chunks.add(word.substring(start));
        return chunks;
    }

    /** Two letters before the hyphen, or letter-hyphen-letter. */
    private static boolean letterBefore(String word, int hyphen) {
        if (hyphen >= 2 && letter(word, hyphen - 1) && letter(word, hyphen - 2)) {
            return true;
        }
        return hyphen >= 3 && letter(word, hyphen - 1) && word.charAt(hyphen - 2) == '-' && letter(word, hyphen - 3);
    }

    private static boolean letter(String word, int at) {
        if (at < 0 || at >= word.length()) {
            return false;
        }
        char c = word.charAt(at);
        return c == '_' || Character.isLetter(c);
    }
}
