package dev.dojomcp.imports;

import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.tools.ToolInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * A scan report handed to an import tool: base64 content with a file name, or a path that must
 * resolve inside {@code IMPORT_DIR} (no traversal, no symbolic link leading out, a regular file,
 * within the size limit). Messages name the argument and the rule, never the path or content.
 */
public record ReportSource(String fileName, byte[] content) {
    /** DefectDojo's accepted report extensions (DD_FILE_IMPORT_TYPES). */
    static final Set<String> EXTENSIONS = Set.of(".xml", ".csv", ".nessus", ".json", ".jsonl", ".html", ".js",
            ".zip", ".xlsx", ".txt", ".sarif", ".fpr", ".md", ".log", ".fvdl");

    public static ReportSource resolve(WriteSettings settings, String base64, String path, String fileName) {
        if ((base64 == null) == (path == null)) {
            throw new ToolInputException("file_content_base64", "give exactly one of file_content_base64 and file_path");
        }
        if (base64 != null) {
            if (fileName == null) {
                throw new ToolInputException("file_name", "is required with file_content_base64 (DefectDojo reads the "
                        + "format from its extension)");
            }
            return new ReportSource(checkName(fileName), decode(base64, settings.maxImportBytes()));
        }
        Path file = inside(settings, path);
        String name = fileName != null ? fileName : file.getFileName().toString();
        return new ReportSource(checkName(name), read(file, settings.maxImportBytes()));
    }

    static String checkName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (name.length() > 255 || name.contains("/") || name.contains("\\") || dot < 0
                || !EXTENSIONS.contains(lower.substring(dot))) {
            throw new ToolInputException("file_name", "must be a plain file name ending in one of "
                    + String.join(" ", new java.util.TreeSet<>(EXTENSIONS)));
        }
        return name;
    }

    private static byte[] decode(String base64, long max) {
        String compact = base64.replaceAll("\\s+", "");
        if (compact.length() / 4L * 3L > max + 3) {
            throw new ToolInputException("file_content_base64", "is larger than the " + max / (1024 * 1024)
                    + " MB import limit (IMPORT_MAX_MB)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new ToolInputException("file_content_base64", "is not valid base64");
        }
        if (bytes.length == 0) {
            throw new ToolInputException("file_content_base64", "is empty");
        }
        if (bytes.length > max) {
            throw new ToolInputException("file_content_base64", "is larger than the " + max / (1024 * 1024)
                    + " MB import limit (IMPORT_MAX_MB)");
        }
        return bytes;
    }

    /** The real path of the report, which must be a regular file below the real IMPORT_DIR. */
    static Path inside(WriteSettings settings, String path) {
        Path dir = settings.importDir().orElseThrow(() -> new ToolInputException("file_path",
                "reading report files needs IMPORT_DIR to be set on the server; send file_content_base64 instead"));
        if (path.isBlank() || path.indexOf('\0') >= 0 || path.length() > 4096) {
            throw new ToolInputException("file_path", "is not a valid path");
        }
        Path candidate;
        try {
            Path p = Path.of(path);
            candidate = (p.isAbsolute() ? p : dir.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw new ToolInputException("file_path", "is not a valid path");
        }
        if (!candidate.startsWith(dir)) {
            throw new ToolInputException("file_path", "must be inside IMPORT_DIR");
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ToolInputException("file_path", "does not exist in IMPORT_DIR");
        } catch (IOException e) {
            throw new ToolInputException("file_path", "cannot be read");
        }
        if (!real.startsWith(dir)) {
            throw new ToolInputException("file_path", "leads outside IMPORT_DIR through a symbolic link");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolInputException("file_path", "is not a regular file");
        }
        return real;
    }

    private static byte[] read(Path file, long max) {
        // NOFOLLOW_LINKS on open: a link swapped in after the check is refused rather than followed.
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new ToolInputException("file_path", "is larger than the " + max / (1024 * 1024)
                        + " MB import limit (IMPORT_MAX_MB)");
            }
            if (bytes.length == 0) {
                throw new ToolInputException("file_path", "is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new ToolInputException("file_path", "cannot be read");
        }
    }
}
