package dev.dojomcp.security;

import dev.dojomcp.config.Secret;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may not appear in a log line, and the function that removes it. Every log event passes through
 * {@link #redact(String)} (its formatted message) and {@link #redact(Throwable)} (its exception) in
 * {@link RedactingLogEventFactory}, before any appender sees it.
 *
 * <p>Three passes, in this order:
 * <ol>
 *   <li>registered secret literals (the configured DefectDojo keys, later the MCP role tokens) become
 *       {@value #LITERAL_MARK};</li>
 *   <li>a pluggable pattern pass ({@link #patterns}; identity until a content scanner is plugged in);</li>
 *   <li>a generic pass for credentials that were never registered: the value after {@code Token} or
 *       {@code Bearer}, after an {@code Authorization:} header name (keeping its scheme word) and after
 *       {@code api_key=} / {@code api-key:} / {@code apikey=} becomes {@value #GENERIC_MARK}. "Token" is
 *       an ordinary word, so its value must look like a credential: 8 or more token characters with a
 *       digit, or 16 or more.</li>
 * </ol>
 * Redacting twice gives the same text as redacting once, and nothing here throws: if a pass fails the whole
 * text is withheld ({@value #WITHHELD}) rather than logged unredacted.
 */
public final class LogRedaction {
    public static final String LITERAL_MARK = "***REDACTED***";
    public static final String GENERIC_MARK = "[REDACTED]";
    public static final String WITHHELD = "[log text withheld: redaction failed]";
    /** Shorter values are not registered: they would blank out ordinary words and numbers. */
    public static final int MIN_SECRET_LENGTH = 8;
    /** The most throwables (causes and suppressed, all levels) copied for one log event. */
    private static final int MAX_THROWABLES = 200;

    private static final Object LOCK = new Object();
    /** Copy-on-write, longest first (a secret containing another is replaced whole); empty costs one read. */
    private static volatile String[] literals = new String[0];
    private static volatile UnaryOperator<String> patterns = UnaryOperator.identity();

    private LogRedaction() {
    }

    /** Masks this secret's value in every later log line. Values shorter than 8 characters are ignored. */
    public static void register(Secret secret) {
        if (secret != null) {
            registerLiteral(secret.reveal());
        }
    }

    static void registerLiteral(String value) {
        if (value == null || value.length() < MIN_SECRET_LENGTH
                || LITERAL_MARK.contains(value) || GENERIC_MARK.contains(value)) {
            return;
        }
        synchronized (LOCK) {
            String[] current = literals;
            for (String s : current) {
                if (s.equals(value)) {
                    return;
                }
            }
            String[] next = Arrays.copyOf(current, current.length + 1);
            next[current.length] = value;
            Arrays.sort(next, Comparator.comparingInt(String::length).reversed());
            literals = next;
        }
    }

    /** Sets the pattern pass (e.g. a secret scanner's {@code redact}); {@code null} restores the identity. */
    public static void patterns(UnaryOperator<String> pass) {
        patterns = pass == null ? UnaryOperator.identity() : pass;
    }

    /** The text with every secret this class knows of masked; the same instance when there is nothing to mask. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        try {
            String out = replaceLiterals(text);
            out = Objects.requireNonNull(patterns.apply(out), "pattern pass returned null");
            return Generic.redact(out);
        } catch (Throwable e) {
            return WITHHELD;
        }
    }

    private static String replaceLiterals(String text) {
        String out = text;
        for (String secret : literals) {
            out = out.replace(secret, LITERAL_MARK);
        }
        return out;
    }

    /**
     * The throwable itself when neither it nor any cause or suppressed throwable has text to mask; otherwise a
     * copy ({@link RedactedThrowable}) of the whole graph, with masked text and the original stack frames, so
     * that it still prints as a multi-line stack trace with the original class names. Stack frames are not
     * rewritten: class, method and file names come from code, not from data.
     */
    public static Throwable redact(Throwable t) {
        if (t == null) {
            return null;
        }
        try {
            if (!needsRedaction(t, new IdentityHashMap<>())) {
                return t;
            }
            return copy(t, new IdentityHashMap<>(), new int[] {MAX_THROWABLES});
        } catch (Throwable e) {
            return new RedactedThrowable(className(t) + ": " + WITHHELD, WITHHELD);
        }
    }

    private static boolean needsRedaction(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (seen.size() > MAX_THROWABLES || changes(String.valueOf(t)) || changes(t.getMessage())) {
            return true;
        }
        if (needsRedaction(t.getCause(), seen)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (needsRedaction(s, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean changes(String text) {
        if (text == null) {
            return false;
        }
        String red = redact(text);
        return red != text && !red.equals(text);
    }

    private static Throwable copy(Throwable t, Map<Throwable, Throwable> done, int[] budget) {
        Throwable existing = done.get(t);
        if (existing != null) {
            return existing;
        }
        budget[0]--;
        RedactedThrowable r = new RedactedThrowable(redact(String.valueOf(t)), redact(t.getMessage()));
        done.put(t, r);
        r.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            if (budget[0] > 0) {
                r.initCause(copy(cause, done, budget));
            } else {
                r.initCause(new RedactedThrowable("(further causes omitted)", null));
            }
        }
        for (Throwable s : t.getSuppressed()) {
            if (budget[0] <= 0) {
                break;
            }
            Throwable sr = copy(s, done, budget);
            if (sr != r) {
                r.addSuppressed(sr);
            }
        }
        return r;
    }

    private static String className(Throwable t) {
        try {
            return t.getClass().getName();
        } catch (Throwable e) {
            return "Throwable";
        }
    }

    /** The keyword-based pass. */
    static final class Generic {
        /** RFC 6750 token characters (and base64); markers contain '[' or '*', so they never match again. */
        private static final String CRED = "[A-Za-z0-9._~+/=-]";
        /** 8+ token characters with a digit, or 16+: what a credential looks like after an ordinary word. */
        private static final String CRED_LIKE = "(?:(?=" + CRED + "*[0-9])" + CRED + "{8,}|" + CRED + "{16,})";

        /** Compiled on first use: only once a line contains a keyword. */
        private static final class Holder {
            static final Pattern PATTERN = Pattern.compile(String.join("|",
                    // Authorization: <scheme> <credentials>, or Authorization: <value>; the scheme word is kept.
                    "(authorization[\"']?\\s*[:=]\\s*[\"']?(?>(?:(?:token|bearer|basic|digest)\\s+)?))" + CRED + "+",
                    // Token <value>, Bearer <value>, "token": "<value>".
                    "((?<![A-Za-z])(?:token|bearer)[\"']?(?:\\s+|\\s*[:=]\\s*[\"']?))" + CRED_LIKE,
                    // api_key=<value>, "apikey":"<value>", api-key:<value>: anything up to a delimiter ...
                    "(api[_-]?key[\"']?\\s*[:=](?:\\s*[\"'])?)[^\\s\"'`,;&<>(){}\\[\\]*]+",
                    // ... and X-Api-Key: <value> when the value looks like a credential (not "API_KEY: is not set").
                    "(api[_-]?key[\"']?\\s*[:=]\\s+)" + CRED_LIKE),
                    Pattern.CASE_INSENSITIVE);
        }

        private Generic() {
        }

        /**
         * Every alternative starts at its keyword, so the expression is only tried where a keyword starts
         * (found by a plain character scan): almost every log line has none and costs one pass over its chars.
         */
        static String redact(String text) {
            int n = text.length();
            Matcher m = null;
            StringBuilder out = null;
            int last = 0;
            int i = 0;
            while (i < n) {
                if (keywordAt(text, i)) {
                    if (m == null) {
                        // Transparent bounds: the look-behind before "token" sees the text before the region.
                        m = Holder.PATTERN.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                    }
                    m.region(i, n);
                    if (m.lookingAt()) {
                        if (out == null) {
                            out = new StringBuilder(n + 16);
                        }
                        out.append(text, last, i).append(kept(m)).append(GENERIC_MARK);
                        last = m.end();
                        i = Math.max(m.end(), i + 1);
                        continue;
                    }
                }
                i++;
            }
            return out == null ? text : out.append(text, last, n).toString();
        }

        private static String kept(Matcher m) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    return m.group(g);
                }
            }
            return "";
        }

        /** A keyword (ignoring case) starts at {@code i}. */
        static boolean keywordAt(String text, int i) {
            switch (text.charAt(i)) {
                case 't', 'T':
                    return text.regionMatches(true, i, "token", 0, 5);
                case 'b', 'B':
                    return text.regionMatches(true, i, "bearer", 0, 6);
                case 'a', 'A':
                    return text.regionMatches(true, i, "authorization", 0, 13) || apiKeyAt(text, i);
                default:
                    return false;
            }
        }

        private static boolean apiKeyAt(String text, int i) {
            if (!text.regionMatches(true, i, "api", 0, 3)) {
                return false;
            }
            int k = i + 3 < text.length() && (text.charAt(i + 3) == '_' || text.charAt(i + 3) == '-') ? i + 4 : i + 3;
            return text.regionMatches(true, k, "key", 0, 3);
        }
    }
}
