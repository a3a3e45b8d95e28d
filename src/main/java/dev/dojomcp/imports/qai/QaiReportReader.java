package dev.dojomcp.imports.qai;

import dev.dojomcp.defectdojo.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/** Parses report bytes and hands them to the reader for their shape. */
final class QaiReportReader {
    private QaiReportReader() {
    }

    static QaiReport read(byte[] report) {
        if (report == null || report.length == 0) {
            throw new QaiFormatException("report is empty");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(report);
        } catch (JacksonException e) {
            throw new QaiFormatException("report is not JSON" + where(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new QaiFormatException("report is empty");
        }
        if (!root.isObject()) {
            throw new QaiFormatException("report is not a JSON object");
        }
        return isRunBundle(root) ? RunBundleReader.read(root) : CliJsonReader.read(root);
    }

    private static boolean isRunBundle(JsonNode root) {
        String schema = JsonFields.text(root, "schema_version");
        if (schema.startsWith("run-bundle")) {
            return true;
        }
        return schema.isEmpty() && root.path("run").isObject() && root.has("child_runs");
    }

    /** Line and column only: parser messages quote the input. */
    private static String where(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        return at != null && at.getLineNr() > 0 ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "";
    }

    /** The report's {@code findings} array. */
    static JsonNode findings(JsonNode root) {
        JsonNode findings = root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new QaiFormatException("report has no findings list");
        }
        return findings;
    }

    static JsonNode findingObject(JsonNode finding, int index) {
        if (!finding.isObject()) {
            throw new QaiFormatException("finding at index " + index + " is not an object");
        }
        return finding;
    }

    static String title(JsonNode finding, int index) {
        String title = JsonFields.text(finding, "title");
        if (TextSanitiser.oneLine(title).isEmpty()) {
            throw new QaiFormatException("finding at index " + index + " has no title");
        }
        return title;
    }
}
