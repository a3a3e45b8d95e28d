package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** The write actions on one finding (§5.7): close, verify, notes, tags, remove_tags, duplicate reset, original. */
final class FindingActions {
    private final SandboxStore store;
    private final FindingJson findingJson;
    private final EntityJson json;

    FindingActions(SandboxStore store, FindingJson findingJson, EntityJson json) {
        this.store = store;
        this.findingJson = findingJson;
        this.json = json;
    }

    /** {@code POST /findings/{id}/close/}: DefectDojo's close_finding routine. */
    ApiResponse close(ApiRequest request, FindingRecord current) {
        RequestFields in = RequestFields.of(request);
        if (!in.has("is_mitigated")) {
            // The view reads is_mitigated from the validated data without a default: a KeyError, hence 500.
            // This is what the reference infers (§5.7, trap 3), not an observed answer.
            throw ApiError.serverError();
        }
        Boolean isMitigated = in.bool("is_mitigated");
        boolean falseP = Boolean.TRUE.equals(in.bool("false_p"));
        boolean outOfScope = Boolean.TRUE.equals(in.bool("out_of_scope"));
        boolean duplicate = Boolean.TRUE.equals(in.bool("duplicate"));
        in.dateTime("mitigated", true); // validated; ignored because DD_EDITABLE_MITIGATED_DATA is off
        if (in.has("mitigated_by") && !in.raw("mitigated_by").isNull()) {
            in.error("mitigated_by", "Not allowed to set mitigated_by.");
        }
        String note = in.text("note", true, true);
        in.throwIfInvalid();

        long now = request.clock().millis();
        int caller = request.principal().user().id();
        FindingRecord f = current.copy();
        f.set(FindingRecord.IS_MITIGATED, Boolean.TRUE.equals(isMitigated));
        f.mitigated = now; // set even when is_mitigated is false (§5.7)
        f.mitigatedBy = caller;
        f.set(FindingRecord.ACTIVE, false);
        f.set(FindingRecord.FALSE_P, falseP);
        f.set(FindingRecord.OUT_OF_SCOPE, outOfScope);
        f.set(FindingRecord.DUPLICATE, duplicate);
        f.set(FindingRecord.UNDER_REVIEW, false);
        f.reviewRequestedBy = FindingRecord.NO_ID;
        f.reviewers = FindingRecord.NO_IDS;
        if (f.is(FindingRecord.RISK_ACCEPTED)) {
            RiskAcceptances.removeFinding(store, f.id);
            f.set(FindingRecord.RISK_ACCEPTED, false);
        }
        if (note != null && !note.isEmpty()) {
            addNote(f, caller, note, false, now);
        }
        f.lastStatusUpdate = now;
        f.updated = now;
        store.replaceFinding(f);

        ObjectNode body = Json.object();
        body.put("is_mitigated", f.is(FindingRecord.IS_MITIGATED));
        Json.text(body, "mitigated", Json.dateTime(f.mitigated));
        body.put("false_p", falseP);
        body.put("out_of_scope", outOfScope);
        body.put("duplicate", duplicate);
        body.put("mitigated_by", caller);
        body.putNull("note_type"); // note is not echoed and note_type comes back null (inferred, §5.7)
        return ApiResponse.ok(body);
    }

    /** {@code POST /findings/{id}/verify/}: verified=true and review stamps; active is not touched. */
    ApiResponse verify(ApiRequest request, FindingRecord current) {
        RequestFields in = RequestFields.of(request);
        String note = in.text("note", true, true);
        in.throwIfInvalid();
        // Whether verify refuses a false positive or a duplicate is not documented; the sandbox does not check.
        long now = request.clock().millis();
        int caller = request.principal().user().id();
        FindingRecord f = current.copy();
        f.set(FindingRecord.VERIFIED, true);
        f.lastReviewed = now;
        f.lastReviewedBy = caller;
        f.lastStatusUpdate = now;
        f.updated = now;
        if (note != null && !note.isEmpty()) {
            addNote(f, caller, note, false, now);
        }
        store.replaceFinding(f);
        return ApiResponse.ok(findingJson.toJson(f, request.today(), false));
    }

    /** {@code POST /findings/{id}/notes/}: 201 with a partial note that has no id (trap 34). */
    ApiResponse addNote(ApiRequest request, FindingRecord current) {
        RequestFields in = RequestFields.of(request);
        in.require("entry");
        String entry = in.text("entry", false, false);
        Boolean isPrivate = in.bool("private");
        // note_type (and the is_single rule) is not modelled: the sandbox has no note types.
        in.throwIfInvalid();
        long now = request.clock().millis();
        int caller = request.principal().user().id();
        FindingRecord f = current.copy();
        addNote(f, caller, entry, Boolean.TRUE.equals(isPrivate), now);
        f.lastReviewed = now;
        f.lastReviewedBy = caller;
        store.replaceFinding(f);
        ObjectNode body = Json.object();
        body.set("author", json.userStub(caller));
        body.put("entry", entry);
        body.put("private", Boolean.TRUE.equals(isPrivate));
        return ApiResponse.of(201, body);
    }

    private void addNote(FindingRecord f, int author, String entry, boolean isPrivate, long now) {
        store.addNote(f, author, entry, isPrivate, now);
    }

    /** {@code POST /findings/{id}/tags/}: adds to the existing tags; 200, not the 201 of the schema (trap 23). */
    ApiResponse addTags(ApiRequest request, FindingRecord current) {
        RequestFields in = RequestFields.of(request);
        List<String> added = tagsField(in);
        in.throwIfInvalid();
        Set<String> all = new LinkedHashSet<>(Arrays.asList(current.tags));
        all.addAll(added);
        FindingRecord f = current.copy();
        f.tags = store.tags(all);
        f.updated = request.clock().millis();
        store.replaceFinding(f);
        ObjectNode body = Json.object();
        Json.strings(body, "tags", f.tags);
        return ApiResponse.ok(body);
    }

    /** {@code PUT|PATCH /findings/{id}/remove_tags/}: 204; every tag must be on the finding. */
    ApiResponse removeTags(ApiRequest request, FindingRecord current) {
        RequestFields in = RequestFields.of(request);
        List<String> removed = tagsField(in);
        if (removed != null && removed.isEmpty() && !in.hasErrors()) {
            // Empty list → 400 per the reference; the message is DRF's for an empty list (unverified).
            in.error("tags", "This list may not be empty.");
        }
        in.throwIfInvalid();
        Set<String> remaining = new LinkedHashSet<>(Arrays.asList(current.tags));
        for (String tag : removed) {
            if (!remaining.remove(tag)) {
                // 400 naming the tag (§5.7); the exact wording is recalled from DefectDojo's view, unverified.
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", "'" + tag + "' is not a valid tag in list");
                throw new ApiError(400, error);
            }
        }
        FindingRecord f = current.copy();
        f.tags = store.tags(remaining);
        f.updated = request.clock().millis();
        store.replaceFinding(f);
        // The view attaches {"success": "Tag(s) Removed"} to the 204; clients must ignore it (trap 5).
        return ApiResponse.of(204, null);
    }

    private static List<String> tagsField(RequestFields in) {
        in.require("tags");
        List<String> values = in.strings("tags");
        if (values == null) {
            return null;
        }
        return TagRules.parse(in, "tags", values);
    }

    /** {@code POST /findings/{id}/duplicate/reset/}: un-marks the duplicate and reactivates it (trap 35). */
    ApiResponse resetDuplicate(ApiRequest request, FindingRecord current) {
        if (!current.is(FindingRecord.DUPLICATE)) {
            // DefectDojo answers a bare 400 here (recalled from the view; the reference only gives the status).
            return ApiResponse.of(400, null);
        }
        FindingRecord f = current.copy();
        f.set(FindingRecord.DUPLICATE, false);
        f.set(FindingRecord.ACTIVE, true);
        f.duplicateFinding = FindingRecord.NO_ID;
        long now = request.clock().millis();
        f.lastStatusUpdate = now;
        f.updated = now;
        store.replaceFinding(f);
        return ApiResponse.of(204, null);
    }

    /**
     * {@code POST /findings/{id}/original/{new_fid}/}: {@code new_fid} becomes the original of {@code id}'s
     * cluster (or of {@code id} alone). Newly marked duplicates are set inactive and unverified, as
     * DefectDojo's set_duplicate does (recalled; the reference only says "set inactive").
     */
    ApiResponse setOriginal(ApiRequest request, FindingRecord current, String newOriginalId) {
        FindingRecord original;
        try {
            original = store.finding(Integer.parseInt(newOriginalId));
        } catch (NumberFormatException e) {
            original = null;
        }
        if (original == null || store.productOfTest(original.test) != store.productOfTest(current.test)) {
            throw ApiError.notFound();
        }
        EngagementRecord e1 = store.engagements.get(store.engagementOfTest(current.test));
        EngagementRecord e2 = store.engagements.get(store.engagementOfTest(original.test));
        if (e1 != e2 && ((e1 != null && e1.deduplicationOnEngagement())
                || (e2 != null && e2.deduplicationOnEngagement()))) {
            // 400 per the reference; the body is not documented.
            return ApiResponse.of(400, null);
        }
        List<FindingRecord> members = cluster(current);
        long now = request.clock().millis();
        for (FindingRecord member : members) {
            if (member.id == original.id) {
                continue;
            }
            FindingRecord m = member.copy();
            if (!m.is(FindingRecord.DUPLICATE)) {
                m.set(FindingRecord.ACTIVE, false);
                m.set(FindingRecord.VERIFIED, false);
                m.lastStatusUpdate = now;
            }
            m.set(FindingRecord.DUPLICATE, true);
            m.duplicateFinding = original.id;
            m.updated = now;
            store.replaceFinding(m);
        }
        FindingRecord o = store.finding(original.id).copy();
        o.set(FindingRecord.DUPLICATE, false);
        o.duplicateFinding = FindingRecord.NO_ID;
        o.updated = now;
        store.replaceFinding(o);
        return ApiResponse.of(204, null);
    }

    /** The finding, its original (if any) and every duplicate of that root. */
    private List<FindingRecord> cluster(FindingRecord finding) {
        int root = finding.is(FindingRecord.DUPLICATE) && finding.duplicateFinding != FindingRecord.NO_ID
                ? finding.duplicateFinding : finding.id;
        List<FindingRecord> members = new ArrayList<>();
        for (FindingRecord f : store.findingsById()) {
            if (f.id == root || f.id == finding.id || f.duplicateFinding == root) {
                members.add(f);
            }
        }
        return members;
    }
}
