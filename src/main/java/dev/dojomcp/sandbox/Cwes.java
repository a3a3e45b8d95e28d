package dev.dojomcp.sandbox;

import java.util.Locale;

/** CWE identifiers in reports: "CWE-79", "79" or 79 → 79. */
final class Cwes {
    private Cwes() {
    }

    /** The CWE number, or null for anything that is not a positive number of at most seven digits. */
    static Integer number(String value) {
        if (value == null) {
            return null;
        }
        String token = value.strip().toUpperCase(Locale.ROOT);
        if (token.startsWith("CWE-")) {
            token = token.substring(4);
        }
        if (token.isEmpty() || token.length() > 7 || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int number = Integer.parseInt(token);
        return number > 0 ? number : null;
    }
}
