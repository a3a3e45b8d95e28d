package dev.dojomcp.security.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalogue of secret formats, each with a stable lower-case class id, to find and redact credentials in
 * untrusted text (finding titles, descriptions, notes, scanner evidence).
 *
 * <p>Classes, most specific first (when two matches cover the same span the earlier class wins):
 * {@code private_key} (PEM and OpenSSH private key blocks, with or without the END line), {@code aws_access_key_id},
 * {@code github_token}, {@code gitlab_token}, {@code slack_webhook}, {@code slack_token}, {@code anthropic_key},
 * {@code openai_key}, {@code stripe_key}, {@code google_api_key}, {@code vault_token}, {@code sendgrid_key},
 * {@code twilio_key}, {@code npm_token}, {@code jwt}, {@code defectdojo_token} ({@code Token <40 hex>}),
 * {@code basic_auth_header}, {@code bearer_token}, {@code basic_auth_url} (the password of
 * {@code scheme://user:pass@host}), {@code aws_secret_access_key} and {@code password_assignment} (a value assigned
 * to a key whose name ends in password, passwd, pwd, passphrase, secret, token, api key, access key, private key
 * and the like: {@code password=…}, {@code "api_key": "…"}, {@code FOO_API_KEY=…}, {@code DB_PASSWORD: …},
 * {@code --password=…}, {@code <password>…</password>}).
 *
 * <p>Not secrets (documented decisions):
 * <ul>
 *   <li>placeholders: values in angle brackets or templates ({@code <your-password>}, {@code ${DB_PASSWORD}},
 *       {@code {{ vault_pw }}}, {@code %(password)s}), references to variables ({@code $DB_PASS}, {@code %PASS%},
 *       {@code os.environ.get}, {@code DB_PASSWORD_FILE}), masks ({@code ****}, {@code xxxxx}), and values that
 *       contain redacted, example, dummy, placeholder, sample, fake, your-/your_, xxxx or ****;</li>
 *   <li>the well-known defaults {@code changeme} and {@code changeit}: the finding that a default password is in
 *       use must stay readable, and the value is public anyway;</li>
 *   <li>for key-name assignments only: values shorter than 8 characters, values with spaces (that is prose, or an
 *       SQL payload in a password field), and plain words shorter than 20 characters (letters only, a capital at
 *       most at the start: {@code password: required}, {@code Token: Disclosed}); a real password of that shape is
 *       missed, by choice;</li>
 *   <li>AWS's documented example keys (they contain {@code EXAMPLE}), and our own markers {@code [REDACTED:…]}, which
 *       makes {@link #redact} idempotent.</li>
 * </ul>
 *
 * <p>Every pattern is linear: bounded or possessive quantifiers, no nested repetition, a literal prefix or a
 * look-behind anchoring each start. The whole text is scanned, so no secret escapes redaction by length.
 */
public final class SecretScanner {
    private static final String MARKER_PREFIX = "[REDACTED:";
    private static final SecretScanner STANDARD = new SecretScanner(standardRules());

    private final List<Rule> rules;

    private SecretScanner(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The catalogue described in the class comment. */
    public static SecretScanner standard() {
        return STANDARD;
    }

    /** The class ids this scanner can report, most specific first. */
    public List<String> secretClasses() {
        List<String> classes = new ArrayList<>();
        for (Rule rule : rules) {
            for (String c : rule.classes()) {
                if (!classes.contains(c)) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }

    /** The marker {@link #redact} puts in place of a secret of class {@code secretClass}. */
    public static String marker(String secretClass) {
        return MARKER_PREFIX + secretClass + "]";
    }

    /** The secrets in {@code text}, in text order and without overlaps; empty for null or empty text. */
    public List<SecretMatch> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Text t = new Text(text);
        List<Candidate> candidates = new ArrayList<>();
        for (int priority = 0; priority < rules.size(); priority++) {
            int p = priority;
            rules.get(priority).finder()
                    .find(t, (start, end, cls) -> candidates.add(new Candidate(start, end, p, cls)));
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(Comparator.comparingInt(Candidate::start)
                .thenComparing(Comparator.comparingInt(Candidate::end).reversed())
                .thenComparingInt(Candidate::priority));
        List<SecretMatch> out = new ArrayList<>();
        int covered = 0;
        for (Candidate c : candidates) {
            if (c.start() >= covered) {
                out.add(new SecretMatch(c.secretClass(), c.start(), c.end()));
                covered = c.end();
            }
        }
        return out;
    }

    /**
     * {@code text} with every secret replaced by {@code [REDACTED:<class>]}. Idempotent:
     * {@code redact(redact(x)).equals(redact(x))}. Returns {@code ""} for null.
     */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String current = text;
        // A replacement can join text into a new match only in contrived inputs; a few passes reach a fixed point.
        for (int pass = 0; pass < 4; pass++) {
            List<SecretMatch> matches = find(current);
            if (matches.isEmpty()) {
                return current;
            }
            StringBuilder out = new StringBuilder(current.length());
            int at = 0;
            for (SecretMatch m : matches) {
                out.append(current, at, m.start()).append(marker(m.secretClass()));
                at = m.end();
            }
            current = out.append(current, at, current.length()).toString();
        }
        return current;
    }

    // ---------------------------------------------------------------------------------------------- catalogue

    private static List<Rule> standardRules() {
        List<Rule> r = new ArrayList<>();
        r.add(new Rule(List.of("private_key"), SecretScanner::findPrivateKeys));
        r.add(regex("aws_access_key_id",
                List.of("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA"), false,
                "(?<![A-Za-z0-9])A[A-Z]{3}[A-Z0-9]{16}(?![A-Za-z0-9])", 0, v -> !v.contains("EXAMPLE")));
        r.add(regex("github_token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"), false,
                "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}+|github_pat_[A-Za-z0-9_]{22,255}+)(?![A-Za-z0-9_])",
                0, SecretScanner::notPlaceholder));
        r.add(regex("gitlab_token",
                List.of("glpat-", "gldt-", "glrt-", "glptt-", "glft-", "glsoat-", "glcbt-", "gloas-"), false,
                "(?<![A-Za-z0-9_-])gl[a-z]{2,4}-[A-Za-z0-9_-]{20,64}+(?![A-Za-z0-9_-])",
                0, SecretScanner::notPlaceholder));
        r.add(regex("slack_webhook", List.of("https://hooks.slack.com/"), false,
                "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/]{20,300}+",
                0, v -> hasDigit(v) && notPlaceholder(v)));
        r.add(regex("slack_token", List.of("xox"), false,
                "(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,250}+", 0, v -> hasDigit(v) && notPlaceholder(v)));
        r.add(regex("anthropic_key", List.of("sk-ant-"), false,
                "(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,300}+(?![A-Za-z0-9_-])", 0, SecretScanner::notPlaceholder));
        r.add(regex("openai_key", List.of("sk-"), false,
                "(?<![A-Za-z0-9_-])sk-(?!ant-)[A-Za-z0-9_-]{20,300}+(?![A-Za-z0-9_-])",
                0, v -> hasDigit(v) && hasLetter(v.substring(3)) && notPlaceholder(v)
                        && (v.length() >= 35 || v.startsWith("sk-proj-") || v.startsWith("sk-svcacct-"))));
        r.add(regex("stripe_key", List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_"), false,
                "(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{16,247}+(?![A-Za-z0-9])",
                0, SecretScanner::notPlaceholder));
        r.add(regex("google_api_key", List.of("AIza"), false,
                "(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])", 0, SecretScanner::notPlaceholder));
        r.add(regex("vault_token", List.of("hvs.", "hvb.", "hvr."), false,
                "(?<![A-Za-z0-9_.-])hv[sbr]\\.[A-Za-z0-9_-]{24,500}+(?![A-Za-z0-9_-])", 0,
                v -> hasDigit(v) && notPlaceholder(v)));
        r.add(regex("sendgrid_key", List.of("SG."), false,
                "(?<![A-Za-z0-9_-])SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", 0,
                SecretScanner::notPlaceholder));
        r.add(regex("twilio_key", List.of("SK"), false, "(?<![A-Za-z0-9])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])", 0,
                v -> true));
        r.add(regex("npm_token", List.of("npm_"), false, "(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", 0,
                SecretScanner::notPlaceholder));
        r.add(regex("jwt", List.of("eyJ"), false,
                "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}+\\.eyJ[A-Za-z0-9_-]{8,8192}+\\.[A-Za-z0-9_-]{0,4096}+",
                0, v -> true));
        r.add(regex("defectdojo_token", List.of("token"), true,
                "(?<![A-Za-z0-9_])(?i:token)[ \\t]{1,4}+([0-9a-fA-F]{40})(?![0-9A-Za-z])", 1, v -> true));
        r.add(regex("basic_auth_header", List.of("authorization"), true,
                "(?i:authorization)[ \\t]{0,4}+:[ \\t]{0,4}+(?i:basic)[ \\t]{1,4}+([A-Za-z0-9+/]{8,1024}+={0,2}+)",
                1, SecretScanner::isBasicCredential));
        r.add(regex("bearer_token", List.of("bearer"), true,
                "(?<![A-Za-z0-9_])(?i:bearer)[ \\t]{1,4}+([A-Za-z0-9._~+/-]{16,4096}+=*+)",
                1, v -> hasDigit(v) && hasLetter(v) && notPlaceholder(v)));
        r.add(new Rule(List.of("basic_auth_url"), SecretScanner::findUrlPasswords));
        r.add(new Rule(List.of("aws_secret_access_key", "password_assignment"), SecretScanner::findAssignments));
        return r;
    }

    // ------------------------------------------------------------------------------------------- URL credentials

    /** {@code scheme://user:password@host}: from a scheme of up to 20 characters before "://". */
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}+://[^\\s:/?#@\"'<>\\[\\]]{0,128}+:"
                    + "([^\\s/?#@\"'<>]{1,256}+)@");

    private static void findUrlPasswords(Text t, Emitter out) {
        String text = t.text;
        Matcher m = URL_CREDENTIALS.matcher(text).useTransparentBounds(true);
        for (int at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 3)) {
            int scheme = at;
            while (scheme > 0 && at - scheme < 21 && isSchemeChar(text.charAt(scheme - 1))) {
                scheme--;
            }
            m.region(scheme, text.length());
            if (m.lookingAt() && isUrlPassword(m.group(1))) {
                out.emit(m.start(1), m.end(1), "basic_auth_url");
            }
        }
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.'
                || c == '-';
    }

    // --------------------------------------------------------------------------------------- generic assignments

    private static final Pattern AWS_SECRET_VALUE = Pattern.compile("[A-Za-z0-9/+]{40}");
    private static final Pattern DOTTED_REFERENCE = Pattern.compile(
            "[A-Za-z_$][A-Za-z0-9_$]*+(?:\\.[A-Za-z_$][A-Za-z0-9_$]*+)++");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9]*+(?:_[A-Z0-9]++)++");
    private static final List<String> KEY_ENDINGS = List.of("password", "passwd", "passphrase", "pwd", "secret",
            "token", "apikey", "accesskey", "secretkey", "privatekey", "authkey", "accountkey", "signingkey",
            "encryptionkey", "masterkey", "credential", "credentials");
    private static final int MAX_KEY = 64;
    private static final int MAX_VALUE = 1024;
    private static final String UNQUOTED_STOP = "\"'`<>,;()[]{}&|";

    /**
     * Key-named assignments, found from each ':' or '=': {@code key=value}, {@code key: value}, {@code key := value},
     * {@code key => value}, {@code "key": "value"}, {@code --key=value}; then {@code <key>value</key>} elements and
     * {@code key="…" value="…"} attribute pairs. Key names are up to 64 characters of letters, digits and
     * {@code _ . -}, starting with a letter; up to four blanks may stand around the operator.
     */
    private static void findAssignments(Text t, Emitter out) {
        String text = t.text;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != ':' && c != '=') {
                continue;
            }
            int opEnd = i + 1;
            if (c == ':' && opEnd < n && text.charAt(opEnd) == '=') {
                opEnd++; // :=
            } else if (c == '=' && opEnd < n && text.charAt(opEnd) == '>') {
                opEnd++; // =>
            } else if (c == '=' && ((opEnd < n && text.charAt(opEnd) == '=')
                    || (i > 0 && "=!<>".indexOf(text.charAt(i - 1)) >= 0))) {
                i = opEnd; // a comparison: ==, !=, <=, >=
                continue;
            }
            String cls = keyBefore(text, i);
            // After a secret's key, its value is skipped: "password=a=b" is one assignment, and text made of
            // repeated "password=" stays linear.
            i = Math.max(opEnd, cls == null ? opEnd : assignedValue(text, opEnd, cls, out)) - 1;
        }
        if (text.indexOf("</") >= 0) {
            findKeyElements(text, out);
        }
        String lower = t.lower();
        if (lower.length() == n && lower.contains("value")) {
            Matcher a = KEY_VALUE_ATTRIBUTES.matcher(text);
            for (int at = lower.indexOf("key"); at >= 0; at = lower.indexOf("key", at + 1)) {
                a.region(at, n);
                if (a.lookingAt()) {
                    String cls = keyClass(a.group(1));
                    if (cls != null) {
                        emitAssignment(out, cls, a.group(2), a.start(2), true);
                    }
                }
            }
        }
    }

    /** The class of the key name ending just before the operator at {@code op}, or null. */
    private static String keyBefore(String text, int op) {
        int j = op;
        int blanks = 0;
        while (j > 0 && (text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\t') && blanks < 4) {
            j--;
            blanks++;
        }
        if (j > 0 && (text.charAt(j - 1) == '"' || text.charAt(j - 1) == '\'')) {
            j--;
        }
        int keyEnd = j;
        while (j > 0 && keyEnd - j <= MAX_KEY + 2 && isKeyChar(text.charAt(j - 1))) {
            j--;
        }
        if (j > 0 && isKeyChar(text.charAt(j - 1))) {
            return null; // longer than a key name
        }
        int keyStart = j;
        while (keyStart < keyEnd && keyStart - j < 2 && text.charAt(keyStart) == '-') {
            keyStart++; // --password=
        }
        if (keyStart >= keyEnd || keyEnd - keyStart > MAX_KEY || !isAsciiLetter(text.charAt(keyStart))) {
            return null;
        }
        if (keyStart >= 2 && text.startsWith("//", keyStart - 2)) {
            return null; // scheme://user:password@host is basic_auth_url's
        }
        return keyClass(text.substring(keyStart, keyEnd));
    }

    /**
     * The value after an operator ending at {@code from}: quoted, or a run of characters without blanks. Returns
     * where the value ends.
     */
    private static int assignedValue(String text, int from, String cls, Emitter out) {
        int n = text.length();
        int i = from;
        int blanks = 0;
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t') && blanks < 4) {
            i++;
            blanks++;
        }
        if (i >= n) {
            return i;
        }
        char q = text.charAt(i);
        if (q == '"' || q == '\'') {
            int close = i + 1;
            while (close < n && close - i <= MAX_VALUE && text.charAt(close) != q && text.charAt(close) != '\n'
                    && text.charAt(close) != '\r') {
                close++;
            }
            if (close < n && text.charAt(close) == q && close > i + 1) {
                emitAssignment(out, cls, text.substring(i + 1, close), i + 1, true);
                return close + 1;
            }
            return i + 1;
        }
        int end = i;
        while (end < n && end - i < MAX_VALUE && !Character.isWhitespace(text.charAt(end))
                && UNQUOTED_STOP.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        end = trimTrailingPunctuation(text, i, end);
        if (end > i && !(end < n && (text.charAt(end) == '(' || text.charAt(end) == '['))) { // a call: code
            emitAssignment(out, cls, text.substring(i, end), i, false);
        }
        return end;
    }

    /** {@code <password>value</password>} and other key-named elements holding one line of text. */
    private static void findKeyElements(String text, Emitter out) {
        int n = text.length();
        for (int lt = text.indexOf('<'); lt >= 0 && lt + 1 < n; lt = text.indexOf('<', lt + 1)) {
            int nameEnd = lt + 1;
            while (nameEnd < n && nameEnd - lt <= MAX_KEY && (isKeyChar(text.charAt(nameEnd))
                    || text.charAt(nameEnd) == ':')) {
                nameEnd++;
            }
            if (nameEnd >= n || text.charAt(nameEnd) != '>' || nameEnd == lt + 1
                    || !isAsciiLetter(text.charAt(lt + 1))) {
                continue;
            }
            String cls = keyClass(text.substring(lt + 1, nameEnd));
            if (cls == null) {
                continue;
            }
            int valueStart = nameEnd + 1;
            int close = valueStart;
            while (close < n && close - valueStart <= 256 && text.charAt(close) != '<' && text.charAt(close) != '\n'
                    && text.charAt(close) != '\r') {
                close++;
            }
            if (close > valueStart && text.startsWith("</", close)) {
                emitAssignment(out, cls, text.substring(valueStart, close), valueStart, true);
            }
        }
    }

    /** {@code <add key="DbPassword" value="…"/>} (.NET appSettings and similar). */
    private static final Pattern KEY_VALUE_ATTRIBUTES = Pattern.compile(
            "(?i:key)[ \\t]{0,2}+=[ \\t]{0,2}+\"([A-Za-z][A-Za-z0-9_.:-]{0,63}+)\"[ \\t]{1,4}+(?i:value)[ \\t]{0,2}+="
                    + "[ \\t]{0,2}+\"([^\"\\r\\n]{1,256}+)\"");

    private static boolean isKeyChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static void emitAssignment(Emitter out, String cls, String value, int start, boolean quoted) {
        if (!plausibleAssignedSecret(value, quoted)) {
            return;
        }
        String actual = cls.equals("aws_secret_access_key") && !AWS_SECRET_VALUE.matcher(value).matches()
                ? "password_assignment" : cls;
        out.emit(start, start + value.length(), actual);
    }

    /** The class a value assigned to {@code identifier} gets, or null when the name is not a secret's name. */
    static String keyClass(String identifier) {
        String lower = identifier.toLowerCase(Locale.ROOT);
        String norm = lower.replace("_", "").replace("-", "").replace(".", "");
        if (norm.equals("pwd") || norm.equals("oldpwd") || norm.contains("page") || norm.contains("next")
                || norm.contains("cursor") || norm.contains("continuation")) {
            return null; // the shell's working directory; pagination tokens
        }
        boolean key = false;
        for (String ending : KEY_ENDINGS) {
            if (norm.endsWith(ending)) {
                key = true;
                break;
            }
        }
        if (!key && (lower.equals("pass") || lower.endsWith("_pass") || lower.endsWith("-pass")
                || lower.endsWith(".pass"))) {
            key = true;
        }
        if (!key) {
            return null;
        }
        if (norm.contains("aws") && (norm.endsWith("secretaccesskey") || norm.endsWith("secretkey"))) {
            return "aws_secret_access_key";
        }
        return "password_assignment";
    }

    static boolean plausibleAssignedSecret(String value, boolean quoted) {
        if (value.length() < 8 || !notPlaceholder(value)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return false;
            }
        }
        if (!quoted && (DOTTED_REFERENCE.matcher(value).matches() || ENV_NAME.matcher(value).matches())) {
            return false;
        }
        boolean mixed = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c) || (i > 0 && Character.isUpperCase(c)) || !Character.isLetterOrDigit(c)) {
                mixed = true;
                break;
            }
        }
        return mixed || value.length() >= 20;
    }

    private static int trimTrailingPunctuation(String text, int start, int end) {
        while (end > start && ".,;:!?".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    // ------------------------------------------------------------------------------------------------ acceptance

    private static final List<String> PLACEHOLDER_WORDS = List.of("redacted", "example", "dummy", "placeholder",
            "changeme", "change_me", "change-me", "changeit", "your_", "your-", "yourpass", "yourtoken", "yoursecret",
            "yourkey", "xxxx", "****", "\u2022\u2022", "sample", "fake", "${", "{{", "%(", "#{", "$(", "%{",
            "_here", "-here", "goeshere");

    /** False for placeholders, templates, variable references and masks. */
    static boolean notPlaceholder(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.startsWith("<") || v.endsWith(">")) {
            return false;
        }
        for (String word : PLACEHOLDER_WORDS) {
            if (v.contains(word)) {
                return false;
            }
        }
        if (v.length() > 1 && v.charAt(0) == '$' && (Character.isLetter(v.charAt(1)) || v.charAt(1) == '_')) {
            return false; // $DB_PASSWORD
        }
        if (v.length() > 2 && v.charAt(0) == '%' && v.charAt(v.length() - 1) == '%') {
            return false; // %DB_PASSWORD%
        }
        boolean masked = true;
        for (int i = 0; i < v.length() && masked; i++) {
            masked = "*x.#-_?\u2022\u2026".indexOf(v.charAt(i)) >= 0;
        }
        if (masked) {
            return false;
        }
        int first = v.codePointAt(0);
        return !v.codePoints().allMatch(c -> c == first);
    }

    private static boolean isUrlPassword(String value) {
        if (value.length() < 4 || !notPlaceholder(value)) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (List.of("pass", "password", "passwd", "secret", "token", "pwd").contains(v)) {
            return false;
        }
        return !(value.length() <= 5 && value.chars().allMatch(Character::isDigit)); // host:port@ confusion
    }

    private static boolean isBasicCredential(String base64) {
        try {
            String decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon >= 0 && colon < decoded.length() - 1 && notPlaceholder(decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasDigit(String v) {
        return v.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean hasLetter(String v) {
        return v.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    // ----------------------------------------------------------------------------------------------- private keys

    private static final Pattern PEM_BEGIN = Pattern.compile(
            "-----BEGIN ((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY( BLOCK)?-----");
    private static final int MAX_KEY_BLOCK = 64 * 1024;
    private static final int MIN_KEY_BODY = 40;

    /**
     * From a BEGIN line to its END line (within 64 KiB) or, without one, over the base64 lines that follow. A block
     * whose body has fewer than 40 base64 characters ({@code ...}, {@code <key>}) is an illustration, not a key.
     */
    private static void findPrivateKeys(Text t, Emitter out) {
        String text = t.text;
        if (text.indexOf("-----BEGIN") < 0) {
            return;
        }
        Matcher m = PEM_BEGIN.matcher(text);
        Map<String, Integer> nextEnd = new HashMap<>(); // END line -> its next position (-1: none left)
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int bodyStart = m.end();
            String end = "-----END " + m.group(1) + "PRIVATE KEY" + (m.group(2) == null ? "" : m.group(2)) + "-----";
            int limit = (int) Math.min(text.length(), (long) bodyStart + MAX_KEY_BLOCK);
            Integer known = nextEnd.get(end);
            int endAt = known != null && (known < 0 || known >= bodyStart) ? known : text.indexOf(end, bodyStart);
            nextEnd.put(end, endAt);
            int blockEnd;
            int body;
            if (endAt >= 0 && endAt + end.length() <= limit) {
                blockEnd = endAt + end.length();
                body = countBase64(text, bodyStart, endAt);
            } else {
                blockEnd = base64LinesEnd(text, bodyStart, limit);
                body = countBase64(text, bodyStart, blockEnd);
            }
            if (body >= MIN_KEY_BODY) {
                out.emit(m.start(), blockEnd, "private_key");
            }
            from = Math.max(blockEnd, m.end());
        }
    }

    /** End of the run of base64 lines (16+ characters each) and PEM header lines after {@code start}. */
    private static int base64LinesEnd(String text, int start, int limit) {
        int i = start;
        int lastGood = start;
        while (i < limit) {
            // separators: whitespace or a JSON-escaped line break written as backslash + n / r
            while (i < limit && (Character.isWhitespace(text.charAt(i)) || isEscapedLineBreak(text, i, limit))) {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            if (text.startsWith("Proc-Type:", i) || text.startsWith("DEK-Info:", i) || text.startsWith("Comment:", i)) {
                while (i < limit && text.charAt(i) != '\n' && text.charAt(i) != '\\') {
                    i++;
                }
                lastGood = i;
                continue;
            }
            int token = i;
            while (i < limit && isBase64(text.charAt(i))) {
                i++;
            }
            if (i - token < 16) {
                break;
            }
            lastGood = i;
        }
        return lastGood;
    }

    /** Backslash + n or r: a line break inside a JSON string that was not decoded. */
    private static boolean isEscapedLineBreak(String text, int i, int limit) {
        return text.charAt(i) == '\\' && i + 1 < limit && (text.charAt(i + 1) == 'n' || text.charAt(i + 1) == 'r');
    }

    private static int countBase64(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isBase64(c) && !(c == 'n' && i > 0 && text.charAt(i - 1) == '\\')) {
                n++;
            }
        }
        return n;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=';
    }

    // ------------------------------------------------------------------------------------------------- machinery

    /**
     * A rule whose matches start at one of {@code anchors}: each occurrence of an anchor is tried with
     * {@code lookingAt}, so the cost is a few {@code indexOf} passes plus work at the anchors only.
     */
    private static Rule regex(String cls, List<String> anchors, boolean ignoreCase, String regex, int group,
                              Predicate<String> accept) {
        Pattern pattern = Pattern.compile(regex);
        return new Rule(List.of(cls), (t, out) -> {
            String haystack = ignoreCase ? t.lower() : t.text;
            Matcher m = pattern.matcher(t.text).useTransparentBounds(true);
            if (haystack.length() != t.text.length()) { // case mapping changed lengths: plain scan
                while (m.find()) {
                    emitGroup(m, group, accept, cls, out);
                }
                return;
            }
            for (String anchor : anchors) {
                for (int at = haystack.indexOf(anchor); at >= 0; at = haystack.indexOf(anchor, at + 1)) {
                    m.region(at, t.text.length());
                    if (m.lookingAt()) {
                        emitGroup(m, group, accept, cls, out);
                    }
                }
            }
        });
    }

    private static void emitGroup(Matcher m, int group, Predicate<String> accept, String cls, Emitter out) {
        int start = m.start(group);
        int end = m.end(group);
        if (start >= 0 && end > start && accept.test(m.group(group))) {
            out.emit(start, end, cls);
        }
    }

    /** The scanned text, with a lower-case copy made only when a rule needs one. */
    private static final class Text {
        final String text;
        private String lower;

        Text(String text) {
            this.text = text;
        }

        String lower() {
            if (lower == null) {
                lower = text.toLowerCase(Locale.ROOT);
            }
            return lower;
        }
    }

    @FunctionalInterface
    private interface Emitter {
        void emit(int start, int end, String secretClass);
    }

    @FunctionalInterface
    private interface Finder {
        void find(Text text, Emitter out);
    }

    private record Rule(List<String> classes, Finder finder) {
    }

    private record Candidate(int start, int end, int priority, String secretClass) {
    }
}
