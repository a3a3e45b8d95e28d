package dev.dojomcp.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the write and import tools: the test type ids written as a new finding's
 * {@code found_by}, the only folder report files may be read from, and the largest report accepted.
 */
public record WriteSettings(Optional<Long> defaultFoundById, Optional<Path> importDir, long maxImportBytes) {
    public static final String DEFAULT_FOUND_BY_ID = "DEFECTDOJO_DEFAULT_FOUND_BY_ID";
    public static final String IMPORT_DIR = "IMPORT_DIR";
    public static final String IMPORT_MAX_MB = "IMPORT_MAX_MB";
    static final int DEFAULT_MAX_MB = 50;

    public static WriteSettings defaults() {
        return new WriteSettings(Optional.empty(), Optional.empty(), DEFAULT_MAX_MB * 1024L * 1024L);
    }

    public static WriteSettings from(Environment env) {
        Optional<Long> foundBy = env.get(DEFAULT_FOUND_BY_ID)
                .map(v -> (long) Settings.parseInt(DEFAULT_FOUND_BY_ID, v, 1, Integer.MAX_VALUE));
        Optional<Path> dir = env.get(IMPORT_DIR).map(WriteSettings::importDir);
        // DefectDojo's own limit (DD_SCAN_FILE_MAX_SIZE) is 100 MB.
        long maxBytes = Settings.integer(env, IMPORT_MAX_MB, DEFAULT_MAX_MB, 1, 100) * 1024L * 1024L;
        return new WriteSettings(foundBy, dir, maxBytes);
    }

    public WriteSettings withImportDir(Path dir) {
        return new WriteSettings(defaultFoundById, Optional.of(importDir(dir.toString())), maxImportBytes);
    }

    /** The folder with symbolic links resolved, so containment checks compare real paths. */
    private static Path importDir(String value) {
        Path path = Path.of(value);
        if (!Files.isDirectory(path)) {
            throw new ConfigException(IMPORT_DIR, "is not a directory");
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new ConfigException(IMPORT_DIR, "cannot be resolved");
        }
    }
}
