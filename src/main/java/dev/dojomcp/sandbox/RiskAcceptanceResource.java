package dev.dojomcp.sandbox;

import java.util.Arrays;
import java.util.List;

/**
 * {@code risk_acceptance/} (§6.8): list, detail and POST. Per-object permissions are not modelled, so the list
 * holds every acceptance and the "editable by the caller" 403s cannot occur; PUT, PATCH and DELETE are not
 * modelled yet (405).
 */
final class RiskAcceptanceResource {
    static final List<String> ACTIONS = List.of("A", "V", "M", "F", "T");

    private RiskAcceptanceResource() {
    }

    static ListResource<RiskAcceptanceRecord> create(SandboxStore store, FindingJson findingJson) {
        FilterSet<RiskAcceptanceRecord> filters = new FilterSet<RiskAcceptanceRecord>()
                .add("id", Filters.number(RiskAcceptanceRecord::id))
                .add("name", Filters.exact(RiskAcceptanceRecord::name))
                .add("owner", Filters.number(RiskAcceptanceRecord::owner))
                .add("accepted_findings", Filters.numberInAny(RiskAcceptanceRecord::acceptedFindings))
                .add("recommendation", Filters.exact(RiskAcceptanceRecord::recommendation))
                .add("decision", Filters.exact(RiskAcceptanceRecord::decision));
        // Ordering (o=name, created, updated) is not modelled: the list is in id order.
        return new ListResource<>("risk_acceptance", store.riskAcceptances::values, store.riskAcceptances::get,
                filters, null, RiskAcceptanceResource::toJson, true, p -> true)
                .onCreate(request -> post(store, request));
    }

    static tools.jackson.databind.node.ObjectNode toJson(RiskAcceptanceRecord ra) {
        var n = Json.object();
        n.put("id", ra.id());
        n.put("recommendation", ra.recommendation());
        n.put("decision", ra.decision());
        n.put("path", "No proof has been supplied");
        Json.ids(n, "accepted_findings", ra.acceptedFindings());
        n.putArray("notes");
        Json.text(n, "created", Json.dateTime(ra.created()));
        Json.text(n, "updated", Json.dateTime(ra.updated()));
        n.put("name", ra.name());
        Json.text(n, "recommendation_details", ra.recommendationDetails());
        Json.text(n, "decision_details", ra.decisionDetails());
        Json.text(n, "accepted_by", ra.acceptedBy());
        Json.text(n, "expiration_date", Json.dateTime(ra.expirationDate()));
        n.putNull("expiration_date_warned");
        n.putNull("expiration_date_handled");
        n.put("reactivate_expired", ra.reactivateExpired());
        n.put("restart_sla_expired", ra.restartSlaExpired());
        n.put("owner", ra.owner());
        return n;
    }

    private static ApiResponse post(SandboxStore store, ApiRequest request) {
        RequestFields in = RequestFields.of(request);
        in.require("name", "owner", "accepted_findings");
        String name = in.text("name", false, false);
        if (name != null && name.length() > 300) {
            in.error("name", "Ensure this field has no more than 300 characters.");
        }
        Integer owner = in.reference("owner", store.users::containsKey, false);
        int[] findings = in.references("accepted_findings", id -> store.finding(id) != null);
        if (findings != null && findings.length == 0) {
            // Required and non-empty is inferred from the model (M2M without blank); DRF's empty-list message.
            in.error("accepted_findings", "This list may not be empty.");
        }
        String recommendation = in.has("recommendation") ? in.choice("recommendation", ACTIONS, false) : "F";
        String decision = in.has("decision") ? in.choice("decision", ACTIONS, false) : "A";
        String recommendationDetails = in.text("recommendation_details", true, true);
        String decisionDetails = in.text("decision_details", true, true);
        String acceptedBy = in.text("accepted_by", true, true);
        Long expiration = in.dateTime("expiration_date", true);
        Boolean reactivate = in.bool("reactivate_expired");
        Boolean restartSla = in.bool("restart_sla_expired");
        in.throwIfInvalid();

        int[] ids = Arrays.stream(findings).distinct().toArray();
        int engagement = store.engagementOfTest(store.finding(ids[0]).test);
        for (int id : ids) {
            if (store.engagementOfTest(store.finding(id).test) != engagement) {
                // 403 per the reference; the detail text is the sandbox's own.
                throw ApiError.detail(403, "All accepted findings must belong to the same engagement.");
            }
        }
        EngagementRecord e = store.engagements.get(engagement);
        ProductRecord product = e == null ? null : store.products.get(e.product());
        if (product != null && !product.enableFullRiskAcceptance()) {
            throw ApiError.permissionDenied();
        }
        long now = request.clock().millis();
        RiskAcceptanceRecord ra = new RiskAcceptanceRecord(SandboxStore.nextId(store.riskAcceptances), name, owner,
                ids, recommendation, recommendationDetails, decision, decisionDetails, acceptedBy,
                expiration == null ? FindingRecord.NO_TIME : expiration, reactivate == null || reactivate,
                Boolean.TRUE.equals(restartSla), engagement, now, now);
        store.riskAcceptances.put(ra.id(), ra);
        for (int id : ids) {
            FindingRecord f = store.finding(id);
            if (f.is(FindingRecord.DUPLICATE)) {
                continue; // duplicates are listed but not marked (§6.8: "each listed non-duplicate finding")
            }
            FindingRecord accepted = f.copy();
            accepted.set(FindingRecord.RISK_ACCEPTED, true);
            accepted.set(FindingRecord.ACTIVE, false);
            accepted.lastStatusUpdate = now;
            accepted.updated = now;
            store.replaceFinding(accepted);
        }
        return ApiResponse.of(201, toJson(ra));
    }

    /** Ids for the engagement's read-only {@code risk_acceptance} field. */
    static int[] ofEngagement(SandboxStore store, int engagementId) {
        return store.riskAcceptances.values().stream().filter(ra -> ra.engagement() == engagementId)
                .mapToInt(RiskAcceptanceRecord::id).toArray();
    }
}
