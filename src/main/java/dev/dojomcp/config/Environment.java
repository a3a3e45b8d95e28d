package dev.dojomcp.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Process environment merged over an optional {@code .env} file in the working directory.
 * Real environment variables win over the file, so a CI job can override a developer's .env.
 */
public final class Environment {
    private final Map<String, String> values;

    private Environment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Environment of(Map<String, String> values) {
        return new Environment(values);
    }

    public static Environment load(Path workingDirectory) {
        Map<String, String> merged = new HashMap<>(readDotEnv(workingDirectory.resolve(".env")));
        merged.putAll(System.getenv());
        return new Environment(merged);
    }

    public Optional<String> get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** Every non-blank variable whose name starts with {@code prefix}, sorted by name. */
    public java.util.SortedMap<String, String> withPrefix(String prefix) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v == null ? "" : v.trim());
            }
        });
        return out;
    }

    /** A true/false setting; anything else is a configuration error naming the variable. */
    public boolean bool(String name, boolean fallback) {
        return get(name).map(v -> Settings.parseBool(name, v)).orElse(fallback);
    }

    /** A whole number in {@code [min, max]}; anything else is a configuration error naming the variable. */
    public int integer(String name, int fallback, int min, int max) {
        return Settings.integer(this, name, fallback, min, max);
    }

    public Environment with(String name, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name, value);
        return new Environment(copy);
    }

    static Map<String, String> readDotEnv(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(".env", "cannot be read");
        }
        Map<String, String> out = new HashMap<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(".env", "line " + lineNo + " is not NAME=value");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2
                    && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).strip();
                }
            }
            out.put(name, value);
        }
        return out;
    }
}
