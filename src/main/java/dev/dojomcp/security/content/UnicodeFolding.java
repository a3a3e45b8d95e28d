package dev.dojomcp.security.content;

import java.text.Normalizer;

/**
 * Views of untrusted text for pattern matching only; stored and displayed values are never changed.
 *
 * <p>{@link #forMatching} gives the view the injection rules run on:
 * <ol>
 *   <li>Unicode NFKC, which turns fullwidth, mathematical, circled and other compatibility letters into plain ones
 *       ({@code ｉｇｎｏｒｅ}, {@code 𝐢𝐠𝐧𝐨𝐫𝐞} and {@code ⓘⓖⓝⓞⓡⓔ} all become {@code ignore});</li>
 *   <li>invisible characters removed: format characters (category Cf: zero-width space and joiners, word joiner,
 *       BOM, bidi controls, soft hyphen, Unicode tag characters U+E0000–E007F), controls other than whitespace,
 *       private-use characters, the Hangul and Braille blanks, and every combining mark (category Mn, which takes
 *       in variation selectors and accents: {@code ìgnörë} becomes {@code ignore});</li>
 *   <li>homoglyphs folded to Latin letters by a small explicit table: Cyrillic, Greek and Armenian letters that look
 *       like Latin ones, dotless i and the small capitals ({@code Іgnоrе} with Cyrillic І, о, е becomes
 *       {@code ignore});</li>
 *   <li>lower case, code point by code point (locale-independent, like {@code Locale.ROOT});</li>
 *   <li>each run of whitespace becomes one space, or one {@code \n} when the run holds a line break (CR, LF, NEL,
 *       U+2028, U+2029), so rules about the start of a line still work; the result is trimmed.</li>
 * </ol>
 *
 * <p>{@link #forSecrets} keeps case and layout (secret formats are case-sensitive) and applies only NFKC, the
 * removal of invisible characters and the homoglyph table. {@link #hiddenTagText} reads text spelled with Unicode
 * tag characters, which {@code forMatching} removes but some models read as ASCII.
 */
public final class UnicodeFolding {
    private UnicodeFolding() {
    }

    /** The matching view of {@code s} described in the class comment; {@code ""} for null. */
    public static String forMatching(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String decomposed = isPlainAscii(s) ? s
                : Normalizer.normalize(Normalizer.normalize(s, Normalizer.Form.NFKC), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        int pendingSpace = 0; // 0 none, 1 space, 2 line break
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isLineBreak(cp)) {
                pendingSpace = 2;
                continue;
            }
            if (isSpace(cp)) {
                pendingSpace = Math.max(pendingSpace, 1);
                continue;
            }
            if (isInvisible(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (pendingSpace != 0 && out.length() > 0) {
                out.append(pendingSpace == 2 ? '\n' : ' ');
            }
            pendingSpace = 0;
            out.appendCodePoint(Character.toLowerCase(homoglyph(cp)));
        }
        return out.toString();
    }

    /**
     * The view secrets are searched in: NFKC, invisible characters removed and homoglyphs folded, with case,
     * whitespace and line breaks kept. {@code ""} for null.
     */
    public static String forSecrets(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (isPlainAscii(s)) {
            return s;
        }
        String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp) && !isSpace(cp) && !isLineBreak(cp)) {
                continue;
            }
            out.appendCodePoint(homoglyph(cp));
        }
        return out.toString();
    }

    /**
     * The ASCII text spelled by Unicode tag characters U+E0020–E007E in {@code s} (ASCII smuggling: invisible on
     * screen, read as text by some models), or {@code ""} when there are none.
     */
    public static String hiddenTagText(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uDB40' && i + 1 < s.length()) {
                int cp = s.codePointAt(i);
                if (cp >= 0xE0020 && cp <= 0xE007E) {
                    if (out == null) {
                        out = new StringBuilder();
                    }
                    out.append((char) (cp - 0xE0000));
                    i++;
                }
            }
        }
        return out == null ? "" : out.toString();
    }

    /** True for characters that render as nothing: see the class comment. Whitespace is not invisible here. */
    static boolean isInvisible(int cp) {
        switch (Character.getType(cp)) {
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.SURROGATE:
                return true;
            case Character.CONTROL:
                return !isSpace(cp) && !isLineBreak(cp);
            default:
                break;
        }
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
                || cp == 0x034F || (cp >= 0x180B && cp <= 0x180F) // combining grapheme joiner, Mongolian selectors
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
                || cp == 0x2800; // Braille blank
    }

    private static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\t' || (cp >= 0x1C && cp <= 0x1F) || Character.isSpaceChar(cp);
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                return false;
            }
        }
        return true;
    }

    /** Latin look-alike of {@code cp}, or {@code cp} itself. Case follows the look-alike's appearance. */
    static int homoglyph(int cp) {
        if (cp < 0x0131) {
            return cp;
        }
        switch (cp) {
            // Cyrillic lower case
            case 0x0430: return 'a'; // а
            case 0x0432: return 'b'; // в (small-capital B shape)
            case 0x0435: return 'e'; // е
            case 0x0451: return 'e'; // ё
            case 0x04BB: return 'h'; // һ
            case 0x043D: return 'h'; // н (small-capital H shape)
            case 0x0456: return 'i'; // і
            case 0x0457: return 'i'; // ї
            case 0x0458: return 'j'; // ј
            case 0x043A: return 'k'; // к
            case 0x04CF: return 'l'; // ӏ
            case 0x043C: return 'm'; // м
            case 0x043E: return 'o'; // о
            case 0x0440: return 'p'; // р
            case 0x051B: return 'q'; // ԛ
            case 0x0441: return 'c'; // с
            case 0x0455: return 's'; // ѕ
            case 0x0442: return 't'; // т
            case 0x0443: return 'y'; // у
            case 0x0445: return 'x'; // х
            case 0x0501: return 'd'; // ԁ
            case 0x051D: return 'w'; // ԝ
            case 0x0261: return 'g'; // ɡ (Latin script g)
            // Cyrillic upper case
            case 0x0410: return 'A';
            case 0x0412: return 'B';
            case 0x0415: return 'E';
            case 0x0405: return 'S';
            case 0x0406: return 'I';
            case 0x04C0: return 'I';
            case 0x0408: return 'J';
            case 0x041A: return 'K';
            case 0x041C: return 'M';
            case 0x041D: return 'H';
            case 0x041E: return 'O';
            case 0x0420: return 'P';
            case 0x0421: return 'C';
            case 0x0422: return 'T';
            case 0x0423: return 'Y';
            case 0x04AE: return 'Y';
            case 0x0425: return 'X';
            case 0x051A: return 'Q';
            case 0x051C: return 'W';
            // Greek lower case
            case 0x03B1: return 'a'; // α
            case 0x03B5: return 'e'; // ε
            case 0x03B7: return 'n'; // η
            case 0x03B9: return 'i'; // ι
            case 0x03BA: return 'k'; // κ
            case 0x03BD: return 'v'; // ν
            case 0x03BF: return 'o'; // ο
            case 0x03C1: return 'p'; // ρ
            case 0x03C4: return 't'; // τ
            case 0x03C5: return 'u'; // υ
            case 0x03C7: return 'x'; // χ
            case 0x03C9: return 'w'; // ω
            case 0x03B3: return 'y'; // γ
            // Greek upper case
            case 0x0391: return 'A';
            case 0x0392: return 'B';
            case 0x0395: return 'E';
            case 0x0396: return 'Z';
            case 0x0397: return 'H';
            case 0x0399: return 'I';
            case 0x039A: return 'K';
            case 0x039C: return 'M';
            case 0x039D: return 'N';
            case 0x039F: return 'O';
            case 0x03A1: return 'P';
            case 0x03A4: return 'T';
            case 0x03A5: return 'Y';
            case 0x03A7: return 'X';
            // Armenian and Latin variants
            case 0x0585: return 'o'; // օ
            case 0x057D: return 'u'; // ս
            case 0x0131: return 'i'; // dotless ı
            case 0x0237: return 'j'; // dotless ȷ
            case 0x0251: return 'a'; // ɑ
            // Latin small capitals (not folded by NFKC)
            case 0x1D00: return 'a';
            case 0x0299: return 'b';
            case 0x1D04: return 'c';
            case 0x1D05: return 'd';
            case 0x1D07: return 'e';
            case 0x0262: return 'g';
            case 0x029C: return 'h';
            case 0x026A: return 'i';
            case 0x1D0A: return 'j';
            case 0x1D0B: return 'k';
            case 0x029F: return 'l';
            case 0x1D0D: return 'm';
            case 0x0274: return 'n';
            case 0x1D0F: return 'o';
            case 0x1D18: return 'p';
            case 0x0280: return 'r';
            case 0xA731: return 's';
            case 0x1D1B: return 't';
            case 0x1D1C: return 'u';
            case 0x1D20: return 'v';
            case 0x1D21: return 'w';
            case 0x028F: return 'y';
            case 0x1D22: return 'z';
            default: return cp;
        }
    }
}
