package dev.dojomcp.sandbox;

import java.util.List;
import java.util.Locale;

/**
 * The report file's name must end in one of {@code DD_FILE_IMPORT_TYPES} (the default list). DefectDojo checks
 * it with Django's FileExtensionValidator, whose message this is: the extension after the last dot of the
 * name, lower case, in curly quotes (empty when the name has none).
 */
final class ImportFiles {
    static final List<String> EXTENSIONS = List.of("xml", "csv", "nessus", "json", "jsonl", "html", "js", "zip",
            "xlsx", "txt", "sarif", "fpr", "md", "log", "fvdl");

    private ImportFiles() {
    }

    /** The uploaded report, or null; a file part with an empty name counts as no file, as in Django. */
    static MultipartForm.FilePart report(ImportForm form) {
        MultipartForm.FilePart file = form.raw().file("file");
        return file == null || file.filename().isEmpty() ? null : file;
    }

    /** The field error for this file name, or null when the extension is allowed. */
    static String extensionError(String filename) {
        String extension = extension(filename);
        if (EXTENSIONS.contains(extension)) {
            return null;
        }
        return "File extension \u201c" + extension + "\u201d is not allowed. Allowed extensions are: "
                + String.join(", ", EXTENSIONS) + ".";
    }

    /** Like Python's Path(name).suffix without the dot: none for ".bashrc"-style names or a trailing dot. */
    static String extension(String filename) {
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "";
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
