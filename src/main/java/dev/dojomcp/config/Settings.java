package dev.dojomcp.config;

import java.util.Locale;

/** Small parsers shared by the configuration records; each failure names its variable. */
final class Settings {
    private Settings() {
    }

    static boolean parseBool(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ConfigException(name, "must be true or false");
        };
    }

    static int integer(Environment env, String name, int fallback, int min, int max) {
        return env.get(name).map(v -> parseInt(name, v, min, max)).orElse(fallback);
    }

    static int parseInt(String name, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a whole number between " + min + " and " + max);
        }
        if (parsed < min || parsed > max) {
            throw new ConfigException(name, "must be between " + min + " and " + max);
        }
        return parsed;
    }

    /** API keys go into an HTTP header: refuse anything that could split or smuggle a header. */
    static Secret apiKey(String name, String value) {
        if (value.length() > 512 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigException(name, "must be a single printable token without spaces");
        }
        return Secret.of(value);
    }
}
