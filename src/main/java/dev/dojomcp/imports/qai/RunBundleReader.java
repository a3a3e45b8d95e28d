package dev.dojomcp.imports.qai;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The web UI's "Export JSON" ({@code schema_version: "run-bundle-v1"}): qai's stored rows for one run. What is
 * inferred from qai's store (q-uestionable-ai 0.5.1–0.10.x) rather than documented:
 * <ul>
 *   <li>server name and version: {@code audit_scans[].server_name}/{@code server_version} (the MCP handshake
 *       name, the same value the CLI report has in {@code scan.server.name}); else {@code target.name} (qai
 *       names a target it creates after the server; a target created in the UI has the operator's name);</li>
 *   <li>tool name: {@code source_ref} for {@code module: "audit"} findings (qai stores the tool name there;
 *       other modules store other references), else the description's "Tool:" paragraph;</li>
 *   <li>evidence and remediation: paragraphs appended to {@code description} (see {@link BundleDescription});</li>
 *   <li>no rule id and no metadata are stored; a {@code rule_id} field is used if a bundle has one.</li>
 * </ul>
 * {@code framework_ids} and {@code mitigation} are JSON-encoded strings; a malformed one counts as absent.
 * Evidence rows in {@code evidence} carry references only, no content, and are not read.
 */
final class RunBundleReader {
    private RunBundleReader() {
    }

    static QaiReport read(JsonNode root) {
        String name = "";
        String version = "";
        for (JsonNode scan : root.path("audit_scans")) {
            if (!JsonFields.text(scan, "server_name").isBlank()) {
                name = JsonFields.text(scan, "server_name");
                version = JsonFields.text(scan, "server_version");
                break;
            }
        }
        if (name.isBlank()) {
            name = JsonFields.text(JsonFields.object(root, "target"), "name");
        }
        JsonNode items = QaiReportReader.findings(root);
        List<QaiFinding> findings = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            findings.add(finding(QaiReportReader.findingObject(items.get(i), i), i));
        }
        return new QaiReport(QaiReport.RUN_BUNDLE, name, version, findings);
    }

    private static QaiFinding finding(JsonNode f, int index) {
        String title = QaiReportReader.title(f, index);
        QaiSeverity severity = QaiSeverity.of(f.get("severity"), index);
        String module = JsonFields.text(f, "module").strip();
        BundleDescription parts = BundleDescription.split(JsonFields.text(f, "description"));
        String tool = parts.toolName();
        if (module.isEmpty() || module.equals("audit")) {
            String sourceRef = JsonFields.text(f, "source_ref");
            if (!sourceRef.isBlank()) {
                tool = sourceRef;
            }
        }
        return new QaiFinding(index, JsonFields.text(f, "rule_id"), module.isEmpty() ? "audit" : module,
                JsonFields.text(f, "category"), title, parts.description(), severity, parts.evidence(),
                parts.remediation(), tool, JsonFields.text(f, "owasp_id"),
                JsonFields.objectOrEncoded(f, "framework_ids"), JsonFields.object(f, "metadata"),
                JsonFields.objectOrEncoded(f, "mitigation"), JsonFields.text(f, "created_at"));
    }
}
