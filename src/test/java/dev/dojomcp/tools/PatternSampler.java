package dev.dojomcp.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Strings matching the simple regular expressions input schemas use: anchors, literals, escapes,
 * character classes, groups with alternation and the usual quantifiers. Anything else (look-around,
 * back-references) gives null, and so does a sample that does not match after all.
 */
final class PatternSampler {
    private final String regex;
    private int pos;

    private PatternSampler(String regex) {
        this.regex = regex;
    }

    static String sample(String regex, SplittableRandom rng) {
        try {
            PatternSampler p = new PatternSampler(regex);
            Node node = p.alternation();
            if (p.pos != regex.length()) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            node.emit(rng, sb);
            String s = sb.toString();
            return Pattern.compile(regex).matcher(s).find() ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private interface Node {
        void emit(SplittableRandom rng, StringBuilder out);
    }

    private Node alternation() {
        List<Node> options = new ArrayList<>();
        options.add(sequence());
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            options.add(sequence());
        }
        return (rng, out) -> options.get(rng.nextInt(options.size())).emit(rng, out);
    }

    private Node sequence() {
        List<Node> parts = new ArrayList<>();
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            Node atom = atom();
            parts.add(quantified(atom));
        }
        return (rng, out) -> parts.forEach(p -> p.emit(rng, out));
    }

    private Node atom() {
        char c = regex.charAt(pos++);
        switch (c) {
            case '^':
            case '$':
                return (rng, out) -> { };
            case '(': {
                if (regex.startsWith("?:", pos)) {
                    pos += 2;
                } else if (regex.charAt(pos) == '?') {
                    throw new IllegalArgumentException("unsupported group");
                }
                Node inner = alternation();
                expect(')');
                return inner;
            }
            case '[':
                return charClass();
            case '.':
                return (rng, out) -> out.append((char) ('a' + rng.nextInt(26)));
            case '\\':
                return escape(regex.charAt(pos++));
            default:
                return (rng, out) -> out.append(c);
        }
    }

    private Node escape(char e) {
        switch (e) {
            case 'd':
                return (rng, out) -> out.append((char) ('0' + rng.nextInt(10)));
            case 'w':
                return (rng, out) -> out.append("abcXYZ019_".charAt(rng.nextInt(10)));
            case 's':
                return (rng, out) -> out.append(' ');
            default:
                if (Character.isLetterOrDigit(e)) {
                    throw new IllegalArgumentException("unsupported escape");
                }
                return (rng, out) -> out.append(e);
        }
    }

    private Node charClass() {
        boolean negated = regex.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        StringBuilder members = new StringBuilder();
        boolean first = true;
        while (regex.charAt(pos) != ']' || first) {
            first = false;
            char c = regex.charAt(pos++);
            if (c == '\\') {
                char e = regex.charAt(pos++);
                if (e == 'd') {
                    members.append("0123456789");
                    continue;
                }
                if (e == 'w') {
                    members.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
                    continue;
                }
                if (e == 's') {
                    members.append(' ');
                    continue;
                }
                c = e;
            }
            if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
                pos++;
                char end = regex.charAt(pos++);
                for (char x = c; x <= end; x++) {
                    members.append(x);
                }
            } else {
                members.append(c);
            }
        }
        pos++;
        String set = members.toString();
        if (negated) {
            StringBuilder allowed = new StringBuilder();
            for (char x = 'a'; x <= 'z'; x++) {
                if (set.indexOf(x) < 0) {
                    allowed.append(x);
                }
            }
            String a = allowed.toString();
            return (rng, out) -> out.append(a.charAt(rng.nextInt(a.length())));
        }
        return (rng, out) -> out.append(set.charAt(rng.nextInt(set.length())));
    }

    private Node quantified(Node atom) {
        if (pos >= regex.length()) {
            return atom;
        }
        char q = regex.charAt(pos);
        int min;
        int max;
        if (q == '?') {
            min = 0;
            max = 1;
        } else if (q == '*') {
            min = 0;
            max = 4;
        } else if (q == '+') {
            min = 1;
            max = 5;
        } else if (q == '{') {
            int close = regex.indexOf('}', pos);
            String[] bounds = regex.substring(pos + 1, close).split(",", -1);
            min = Integer.parseInt(bounds[0].trim());
            max = bounds.length == 1 ? min : bounds[1].isBlank() ? min + 4 : Integer.parseInt(bounds[1].trim());
            pos = close;
        } else {
            return atom;
        }
        pos++;
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++; // lazy or possessive: same strings
        }
        int lo = min;
        int hi = max;
        return (rng, out) -> {
            int n = lo + rng.nextInt(hi - lo + 1);
            for (int i = 0; i < n; i++) {
                atom.emit(rng, out);
            }
        };
    }

    private void expect(char c) {
        if (pos >= regex.length() || regex.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        pos++;
    }
}
