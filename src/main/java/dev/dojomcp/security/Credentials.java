package dev.dojomcp.security;

import java.util.Locale;
import java.util.Optional;

/** The credential in an {@code Authorization} header: {@code Bearer <token>} or {@code Token <token>}. */
final class Credentials {
    private Credentials() {
    }

    /** Empty when the header is absent, uses another scheme, or is not exactly one printable token. */
    static Optional<String> from(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = h.substring(0, space).toLowerCase(Locale.ROOT);
        String token = h.substring(space + 1).strip();
        if (!scheme.equals("bearer") && !scheme.equals("token")) {
            return Optional.empty();
        }
        if (token.isEmpty() || token.length() > 512 || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }
}
