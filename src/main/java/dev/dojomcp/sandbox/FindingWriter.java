package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code POST /findings/} (§5.5) and {@code PUT/PATCH /findings/{id}/} (§5.6). */
final class FindingWriter {
    static final List<String> SEVERITIES = List.of("Info", "Low", "Medium", "High", "Critical");

    private final SandboxStore store;
    private final FindingJson findingJson;

    FindingWriter(SandboxStore store, FindingJson findingJson) {
        this.store = store;
        this.findingJson = findingJson;
    }

    ApiResponse create(ApiRequest request) {
        RequestFields in = RequestFields.of(request);
        // FindingCreateSerializer: numerical_severity has no default, active/verified are made required.
        in.require("test", "found_by", "title", "severity", "numerical_severity", "description", "active",
                "verified");
        FindingRecord f = new FindingRecord();
        Integer test = in.reference("test", store.tests::containsKey, false);
        long now = request.clock().millis();
        f.test = test == null ? 0 : test;
        f.flags = FindingRecord.ACTIVE | FindingRecord.DERIVED_HASH;
        f.date = (int) request.today().toEpochDay();
        f.reporter = request.principal().user().id();
        f.created = now;
        f.updated = now;
        f.lastStatusUpdate = now;
        applyFields(in, f);
        in.throwIfInvalid();
        boolean riskAccepted = f.is(FindingRecord.RISK_ACCEPTED);
        validateCombination(f.is(FindingRecord.ACTIVE), f.is(FindingRecord.VERIFIED),
                f.is(FindingRecord.DUPLICATE), f.is(FindingRecord.FALSE_P), riskAccepted);
        if (riskAccepted) {
            requireSimpleRiskAcceptance(f);
        }
        computeSla(f);
        store.appendFinding(f);
        return ApiResponse.of(201, findingJson.toJson(f, request.today(), false));
    }

    ApiResponse update(ApiRequest request, FindingRecord current) {
        RequestFields in = RequestFields.of(request);
        boolean put = request.method().equals("PUT");
        if (put) {
            // The reference does not list PUT's required fields; the sandbox requires the create set minus
            // test (read-only on update) and active/verified (only the create serializer requires them).
            in.require("found_by", "title", "severity", "numerical_severity", "description");
        }
        FindingRecord f = current.copy();
        // test is read-only on update (§5.6, trap 25): a sent value is silently ignored.
        applyFields(in, f);
        in.throwIfInvalid();
        boolean wasAccepted = current.is(FindingRecord.RISK_ACCEPTED);
        boolean accept = f.is(FindingRecord.RISK_ACCEPTED) && !wasAccepted;
        if (accept) {
            requireSimpleRiskAcceptance(f);
        }
        validateCombination(f.is(FindingRecord.ACTIVE), f.is(FindingRecord.VERIFIED),
                f.is(FindingRecord.DUPLICATE), f.is(FindingRecord.FALSE_P), f.is(FindingRecord.RISK_ACCEPTED));
        long now = request.clock().millis();
        if (wasAccepted && !f.is(FindingRecord.RISK_ACCEPTED)) {
            // risk_unaccept: leaves every acceptance and is reactivated unless closed for another reason.
            RiskAcceptances.removeFinding(store, f.id);
            boolean closed = f.is(FindingRecord.IS_MITIGATED) || f.is(FindingRecord.FALSE_P)
                    || f.is(FindingRecord.OUT_OF_SCOPE);
            f.set(FindingRecord.ACTIVE, !closed);
        }
        // Simple risk acceptance also adds a note; its text is not in the reference, so it is not modelled.
        if (f.flags != current.flags) {
            f.lastStatusUpdate = now;
        }
        f.updated = now;
        if (f.severity != current.severity || f.date != current.date) {
            computeSla(f);
        }
        store.replaceFinding(f);
        return ApiResponse.ok(findingJson.toJson(f, request.today(), false));
    }

    /**
     * FindingSerializer.validate. The non-field messages are recalled from DefectDojo's serializer; only
     * "Active findings cannot be risk accepted." is quoted in the reference.
     */
    static void validateCombination(boolean active, boolean verified, boolean duplicate, boolean falseP,
                                    boolean riskAccepted) {
        String message = null;
        if ((active || verified) && duplicate) {
            message = "Duplicate findings cannot be verified or active";
        } else if (falseP && verified) {
            message = "False positive findings cannot be verified.";
        } else if (active && riskAccepted) {
            message = "Active findings cannot be risk accepted.";
        }
        if (message != null) {
            throw ApiError.validation(Map.of("non_field_errors", List.of(message)));
        }
    }

    private void requireSimpleRiskAcceptance(FindingRecord f) {
        ProductRecord product = store.productOfFinding(f);
        if (product == null || !product.enableSimpleRiskAcceptance()) {
            throw ApiError.validation(Map.of("risk_accepted", List.of(
                    "Simple risk acceptance is disabled for this product, use the UI to accept this finding.")));
        }
    }

    void computeSla(FindingRecord f) {
        computeSla(store, f);
    }

    static void computeSla(SandboxStore store, FindingRecord f) {
        if (f.date == FindingRecord.NO_DAY) {
            return;
        }
        int days = store.slaFor(store.productOfFinding(f)).daysFor(f.severity());
        f.slaStartDate = f.date;
        f.slaExpirationDate = days < 0 ? FindingRecord.NO_DAY : f.date + days;
    }

    /** Copies the writable fields the client sent onto {@code f}, recording errors in {@code in}. */
    private void applyFields(RequestFields in, FindingRecord f) {
        String title = in.text("title", false, false);
        if (title != null) {
            f.title = title;
        }
        String severity = in.choice("severity", SEVERITIES, false);
        if (severity != null) {
            f.severity = (byte) Severity.parseLenient(severity).ordinal();
        }
        // numerical_severity must be a string when sent; its value is replaced by the one derived from severity.
        in.text("numerical_severity", false, false);
        String description = in.text("description", false, false);
        if (description != null) {
            f.description = description;
            f.set(FindingRecord.TEMPLATED_DESCRIPTION, false);
        }
        if (in.has("mitigation")) {
            f.mitigation = in.text("mitigation", true, true);
        }
        if (in.has("impact")) {
            f.impact = in.text("impact", true, true);
        }
        if (in.has("steps_to_reproduce")) {
            f.stepsToReproduce = in.text("steps_to_reproduce", true, true);
        }
        if (in.has("severity_justification")) {
            f.severityJustification = in.text("severity_justification", true, true);
        }
        if (in.has("references")) {
            f.references = in.text("references", true, true);
        }
        if (in.has("url")) {
            f.url = in.text("url", true, true);
        }
        if (in.has("file_path")) {
            f.filePath = in.text("file_path", true, true);
        }
        if (in.has("component_name")) {
            f.componentName = in.text("component_name", true, true);
        }
        if (in.has("component_version")) {
            f.componentVersion = in.text("component_version", true, true);
        }
        if (in.has("unique_id_from_tool")) {
            f.uniqueIdFromTool = in.text("unique_id_from_tool", true, true);
        }
        if (in.has("vuln_id_from_tool")) {
            f.vulnIdFromTool = in.text("vuln_id_from_tool", true, true);
        }
        if (in.has("cvssv3")) {
            f.cvssv3 = in.text("cvssv3", true, true);
        }
        if (in.has("service")) {
            f.service = in.text("service", true, true);
        }
        if (in.has("param")) {
            f.param = in.text("param", true, true);
        }
        if (in.has("payload")) {
            f.payload = in.text("payload", true, true);
        }
        flag(in, f, "active", FindingRecord.ACTIVE);
        flag(in, f, "verified", FindingRecord.VERIFIED);
        flag(in, f, "false_p", FindingRecord.FALSE_P);
        flag(in, f, "duplicate", FindingRecord.DUPLICATE);
        flag(in, f, "out_of_scope", FindingRecord.OUT_OF_SCOPE);
        flag(in, f, "risk_accepted", FindingRecord.RISK_ACCEPTED);
        flag(in, f, "under_review", FindingRecord.UNDER_REVIEW);
        flag(in, f, "under_defect_review", FindingRecord.UNDER_DEFECT_REVIEW);
        flag(in, f, "is_mitigated", FindingRecord.IS_MITIGATED);
        flag(in, f, "static_finding", FindingRecord.STATIC_FINDING);
        flag(in, f, "dynamic_finding", FindingRecord.DYNAMIC_FINDING);
        Integer date = in.date("date", false);
        if (date != null) {
            f.date = date;
        }
        if (in.has("planned_remediation_date")) {
            Integer planned = in.date("planned_remediation_date", true);
            f.plannedRemediationDate = planned == null ? FindingRecord.NO_DAY : planned;
        }
        Integer cwe = in.integer("cwe", false);
        if (cwe != null) {
            f.cwe = cwe;
        }
        if (in.has("line")) {
            Integer line = in.integer("line", true);
            f.line = line == null ? FindingRecord.NO_ID : line;
        }
        Integer threadId = in.integer("thread_id", false);
        if (threadId != null) {
            f.threadId = threadId;
        }
        Integer reporter = in.reference("reporter", store.users::containsKey, false);
        if (reporter != null) {
            f.reporter = reporter;
        }
        int[] foundBy = in.references("found_by", store.testTypes::containsKey);
        if (foundBy != null) {
            f.foundBy = foundBy;
        }
        int[] reviewers = in.references("reviewers", store.users::containsKey);
        if (reviewers != null) {
            f.reviewers = reviewers;
        }
        List<String> tags = in.strings("tags");
        if (tags != null) {
            List<String> parsed = TagRules.parse(in, "tags", tags);
            if (parsed != null) {
                f.tags = store.tags(parsed);
            }
        }
        if (in.has("vulnerability_ids")) {
            String[] ids = vulnerabilityIds(in);
            if (ids != null) {
                f.vulnerabilityIds = ids;
            }
        }
        // DD_EDITABLE_MITIGATED_DATA is False by default, so non-null mitigated data is rejected (§5.6, trap 2).
        // The messages are not quoted in the reference: "mitigated" is recalled from DefectDojo's serializer,
        // "mitigated_by" is the sandbox's own wording.
        if (in.has("mitigated") && !in.raw("mitigated").isNull()) {
            in.error("mitigated", "Editing mitigated timestamp is disabled (DD_EDITABLE_MITIGATED_DATA setting)");
        } else if (in.has("mitigated")) {
            f.mitigated = FindingRecord.NO_TIME; // null is accepted and clears it (a reopen sends it)
        }
        if (in.has("mitigated_by") && !in.raw("mitigated_by").isNull()) {
            in.error("mitigated_by", "Editing mitigated_by is disabled (DD_EDITABLE_MITIGATED_DATA setting)");
        } else if (in.has("mitigated_by")) {
            f.mitigatedBy = FindingRecord.NO_ID;
        }
    }

    private static void flag(RequestFields in, FindingRecord f, String name, int flag) {
        Boolean value = in.bool(name);
        if (value != null) {
            f.set(flag, value);
        }
    }

    /** Objects {@code {"vulnerability_id": "CVE-…"}} or bare strings (§5.5). */
    private static String[] vulnerabilityIds(RequestFields in) {
        JsonNode node = in.raw("vulnerability_ids");
        if (!node.isArray()) {
            in.error("vulnerability_ids", "Expected a list of items but got type \"" + node.getNodeType() + "\".");
            return null;
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (JsonNode item : node) {
            JsonNode value = item.isObject() ? item.get("vulnerability_id") : item;
            if (value == null || !value.isString() || value.asString().isBlank()) {
                // Sandbox wording; DefectDojo's message for a malformed item is not in the reference.
                in.error("vulnerability_ids", "Invalid vulnerability id.");
                return null;
            }
            ids.add(value.asString());
        }
        return new ArrayList<>(ids).toArray(String[]::new);
    }
}
