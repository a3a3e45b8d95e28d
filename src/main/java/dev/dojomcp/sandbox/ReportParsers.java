package dev.dojomcp.sandbox;

import java.util.Locale;

/**
 * The parsers the sandbox models, chosen by scan type. "Generic Findings Import" reads CSV when the file name
 * ends in {@code .csv} and JSON otherwise, as DefectDojo's {@code get_tests} does. Every other scan type is
 * accepted and recorded without reading the report: the sandbox has no parser for it, so its imports create a
 * test with no findings.
 */
final class ReportParsers {
    static final String GENERIC = "Generic Findings Import";
    static final String SARIF = "SARIF";

    private ReportParsers() {
    }

    static boolean parses(String scanType) {
        return scanType.equals(GENERIC) || scanType.equals(SARIF);
    }

    /** @throws ReportError for a report the parser rejects */
    static ParsedReport parse(String scanType, MultipartForm.FilePart file, SandboxStore store) {
        if (file == null || !parses(scanType)) {
            return ParsedReport.unparsed();
        }
        if (scanType.equals(SARIF)) {
            return SarifParser.parse(file.content(), store);
        }
        return file.filename().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? GenericCsvParser.parse(file.content(), store)
                : GenericJsonParser.parse(file.content(), store);
    }
}
