package dev.dojomcp.findings;

import dev.dojomcp.tools.ToolInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Translates {@code order_by} into DefectDojo's {@code o} parameter. Only DefectDojo's ordering
 * fields are accepted (anything else is a 400 there). {@code severity} is a string field that sorts
 * alphabetically, so it is mapped to {@code numerical_severity} (S0 = Critical first).
 */
public final class FindingOrder {
    static final Set<String> FIELDS = Set.of("active", "component_name", "component_version", "created",
            "last_status_update", "last_reviewed", "cwe", "date", "duplicate", "dynamic_finding", "false_p", "found_by",
            "id", "is_mitigated", "numerical_severity", "out_of_scope", "planned_remediation_date", "severity",
            "sla_expiration_date", "reviewers", "static_finding", "test__engagement__product__name", "title",
            "under_defect_review", "under_review", "verified");
    static final String FIELDS_DOC = "severity (most severe first), date, title, id, cwe, sla_expiration_date, "
            + "created, numerical_severity, component_name, component_version, active, verified, is_mitigated, "
            + "false_p, duplicate, out_of_scope, under_review, last_reviewed, last_status_update, "
            + "test__engagement__product__name, planned_remediation_date, static_finding, dynamic_finding";

    private FindingOrder() {
    }

    public static String toDojo(String orderBy) {
        if (orderBy == null || orderBy.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : orderBy.split(",")) {
            String p = part.strip();
            boolean desc = p.startsWith("-");
            String field = desc ? p.substring(1) : p;
            if (!FIELDS.contains(field) || field.equals("found_by") || field.equals("reviewers")) {
                throw new ToolInputException("order_by", "fields are: " + FIELDS_DOC);
            }
            if (field.equals("severity")) {
                field = "numerical_severity";
            }
            out.add((desc ? "-" : "") + field);
        }
        return String.join(",", out);
    }
}
