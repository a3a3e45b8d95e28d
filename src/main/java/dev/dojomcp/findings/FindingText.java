package dev.dojomcp.findings;

import static dev.dojomcp.tools.Fields.putIfSet;

import dev.dojomcp.tools.Args;
import java.util.List;
import java.util.Map;

/**
 * The descriptive fields create_finding and update_finding share: checked the same way (length and
 * characters; the message names the field, never the value) and sent under DefectDojo's names.
 */
interface FindingText {
    int TITLE = 511;
    int TEXT = 100_000;
    int SHORT = 200;
    int PATH = 4000;

    String title();

    Severity severity();

    String description();

    String mitigation();

    String impact();

    String stepsToReproduce();

    String references();

    String severityJustification();

    Integer cwe();

    List<String> vulnerabilityIds();

    String componentName();

    String componentVersion();

    String filePath();

    Integer line();

    /** Called from the records' constructors with their raw arguments. */
    static void check(String title, String description, String mitigation, String impact, String stepsToReproduce,
            String references, String severityJustification, List<String> vulnerabilityIds, String componentName,
            String componentVersion, String filePath) {
        Args.text("title", title, TITLE);
        Args.multiline("description", description, TEXT);
        Args.multiline("mitigation", mitigation, TEXT);
        Args.multiline("impact", impact, TEXT);
        Args.multiline("steps_to_reproduce", stepsToReproduce, TEXT);
        Args.multiline("references", references, TEXT);
        Args.multiline("severity_justification", severityJustification, TEXT);
        if (vulnerabilityIds != null) {
            vulnerabilityIds.forEach(v -> Args.requiredText("vulnerability_ids", v, SHORT));
        }
        Args.text("component_name", componentName, SHORT);
        Args.text("component_version", componentVersion, SHORT);
        Args.text("file_path", filePath, PATH);
    }

    /** The fields given, as DefectDojo's finding JSON; severity brings the numerical_severity DefectDojo requires. */
    static void putInto(Map<String, Object> body, FindingText f) {
        putIfSet(body, "title", f.title());
        if (f.severity() != null) {
            body.put("severity", f.severity().name());
            // Required on create, recomputed from severity on every save.
            body.put("numerical_severity", "S" + f.severity().ordinal());
        }
        putIfSet(body, "description", f.description());
        putIfSet(body, "mitigation", f.mitigation());
        putIfSet(body, "impact", f.impact());
        putIfSet(body, "steps_to_reproduce", f.stepsToReproduce());
        putIfSet(body, "references", f.references());
        putIfSet(body, "severity_justification", f.severityJustification());
        putIfSet(body, "cwe", f.cwe());
        if (f.vulnerabilityIds() != null) {
            body.put("vulnerability_ids", f.vulnerabilityIds().stream().map(v -> Map.of("vulnerability_id", v))
                    .toList());
        }
        putIfSet(body, "component_name", f.componentName());
        putIfSet(body, "component_version", f.componentVersion());
        putIfSet(body, "file_path", f.filePath());
        putIfSet(body, "line", f.line());
    }
}
