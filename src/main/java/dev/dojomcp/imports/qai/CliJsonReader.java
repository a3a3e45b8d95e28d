package dev.dojomcp.imports.qai;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code qai audit scan --format json}. Reads {@code scan.server} and {@code findings}; {@code prompt} (an LLM
 * prompt quoting the scanned server's self-reported name), {@code summary} and {@code errors} are never read.
 * Of {@code scan.server} (the server's handshake info) only {@code name} and {@code version} are used: the rest,
 * {@code instructions} in particular, is text written by the scanned server.
 */
final class CliJsonReader {
    private CliJsonReader() {
    }

    static QaiReport read(JsonNode root) {
        JsonNode server = root.path("scan").path("server");
        String name = server.isString() ? server.stringValue() : JsonFields.text(server, "name");
        String version = server.isObject() ? JsonFields.text(server, "version") : "";
        JsonNode items = QaiReportReader.findings(root);
        List<QaiFinding> findings = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            findings.add(finding(QaiReportReader.findingObject(items.get(i), i), i));
        }
        return new QaiReport(QaiReport.CLI_JSON, name, version, findings);
    }

    private static QaiFinding finding(JsonNode f, int index) {
        String title = QaiReportReader.title(f, index);
        QaiSeverity severity = QaiSeverity.of(f.get("severity"), index);
        return new QaiFinding(index, JsonFields.text(f, "rule_id"), "audit", JsonFields.text(f, "category"), title,
                JsonFields.text(f, "description"), severity, JsonFields.text(f, "evidence"),
                JsonFields.text(f, "remediation"), JsonFields.text(f, "tool_name"), JsonFields.text(f, "owasp_id"),
                JsonFields.objectOrEncoded(f, "framework_ids"), JsonFields.object(f, "metadata"),
                JsonFields.objectOrEncoded(f, "mitigation"), JsonFields.text(f, "timestamp"));
    }
}
