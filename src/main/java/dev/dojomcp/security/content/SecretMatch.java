package dev.dojomcp.security.content;

/**
 * One secret found by {@link SecretScanner}: its class id (for example {@code github_token}) and the span
 * {@code [start, end)} of the secret value in the scanned text. The span covers only the value, not a key name or
 * a scheme around it, so a redacted text keeps its shape ({@code DB_PASSWORD=[REDACTED:password_assignment]}).
 */
public record SecretMatch(String secretClass, int start, int end) {
    public SecretMatch {
        if (secretClass == null || start < 0 || end < start) {
            throw new IllegalArgumentException("bad secret match " + secretClass + " " + start + ".." + end);
        }
    }
}
