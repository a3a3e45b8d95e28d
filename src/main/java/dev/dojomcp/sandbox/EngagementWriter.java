package dev.dojomcp.sandbox;

import java.util.List;
import java.util.Map;

/** {@code POST /engagements/}, {@code PUT/PATCH /engagements/{id}/}, {@code close} and {@code reopen} (§6.3). */
final class EngagementWriter {
    static final List<String> STATUSES = List.of("Not Started", "Blocked", "Cancelled", "Completed", "In Progress",
            "On Hold", "Scheduled", "Waiting for Resource");
    static final List<String> TYPES = List.of("Interactive", "CI/CD");

    private final SandboxStore store;
    private final EntityJson json;

    EngagementWriter(SandboxStore store, EntityJson json) {
        this.store = store;
        this.json = json;
    }

    ApiResponse create(ApiRequest request) {
        RequestFields in = RequestFields.of(request);
        in.require("product", "target_start", "target_end");
        long now = request.clock().millis();
        // Defaults for fields the client leaves out. DefectDojo's model defaults for status and the test
        // booleans are not in the reference; the sandbox uses "Not Started" and true (recalled from the model).
        EngagementRecord defaults = new EngagementRecord(SandboxStore.nextId(store.engagements), null, null, null,
                0, FindingRecord.NO_DAY, FindingRecord.NO_DAY, "Not Started", true, "Interactive",
                request.principal().user().id(), null, null, null, null, false, true, true, true, true,
                FindingRecord.NO_STRINGS, FindingRecord.NO_IDS, now, now, null, null, false, null, null, null,
                FindingRecord.NO_DAY);
        EngagementRecord e = apply(in, defaults, now);
        in.throwIfInvalid();
        // "target_end ≥ target_start" is checked on POST (§6.3). The message is recalled from DefectDojo's
        // EngagementSerializer.validate, unverified.
        if (e.targetEnd() < e.targetStart()) {
            throw ApiError.validation(Map.of("non_field_errors",
                    List.of("Your target start date exceeds your target end date")));
        }
        store.engagements.put(e.id(), e);
        return ApiResponse.of(201, json.engagement(e));
    }

    ApiResponse update(ApiRequest request, EngagementRecord current) {
        RequestFields in = RequestFields.of(request);
        if (request.method().equals("PUT")) {
            in.require("product", "target_start", "target_end");
        }
        EngagementRecord e = apply(in, current, request.clock().millis());
        in.throwIfInvalid();
        // Whether PUT/PATCH re-check target_end ≥ target_start is not documented; the sandbox does not.
        store.engagements.put(e.id(), e);
        if (e.product() != current.product()) {
            store.seal(); // product-of-test lookups follow the engagement
        }
        return ApiResponse.ok(json.engagement(e));
    }

    /** {@code POST /engagements/{id}/close/}: 200 {@code {}}. */
    ApiResponse close(ApiRequest request, EngagementRecord e) {
        store.engagements.put(e.id(), withStatus(e, "Completed", false, request.clock().millis()));
        return ApiResponse.ok(Json.object());
    }

    /** {@code POST /engagements/{id}/reopen/}: 200 {@code {}}. */
    ApiResponse reopen(ApiRequest request, EngagementRecord e) {
        store.engagements.put(e.id(), withStatus(e, "In Progress", true, request.clock().millis()));
        return ApiResponse.ok(Json.object());
    }

    private static EngagementRecord withStatus(EngagementRecord e, String status, boolean active, long now) {
        return new EngagementRecord(e.id(), e.name(), e.description(), e.version(), e.product(), e.targetStart(),
                e.targetEnd(), status, active, e.engagementType(), e.lead(), e.buildId(), e.commitHash(),
                e.branchTag(), e.sourceCodeManagementUri(), e.deduplicationOnEngagement(), e.threatModel(),
                e.apiTest(), e.penTest(), e.checkList(), e.tags(), e.notes(), e.created(), now, e.progress(),
                e.tmodelPath(), e.doneTesting(), e.reason(), e.tracker(), e.testStrategy(), e.firstContacted());
    }

    private EngagementRecord apply(RequestFields in, EngagementRecord e, long now) {
        Integer product = in.reference("product", store.products::containsKey, false);
        Integer start = in.date("target_start", false);
        Integer end = in.date("target_end", false);
        String name = in.has("name") ? in.text("name", true, true) : e.name();
        String description = in.has("description") ? in.text("description", true, true) : e.description();
        String version = in.has("version") ? in.text("version", true, true) : e.version();
        String status = in.has("status") ? in.choice("status", STATUSES, true) : e.status();
        String type = in.has("engagement_type") ? in.choice("engagement_type", TYPES, true) : e.engagementType();
        Integer lead = in.has("lead") ? in.reference("lead", store.users::containsKey, true) : null;
        String buildId = in.has("build_id") ? in.text("build_id", true, true) : e.buildId();
        String commit = in.has("commit_hash") ? in.text("commit_hash", true, true) : e.commitHash();
        String branch = in.has("branch_tag") ? in.text("branch_tag", true, true) : e.branchTag();
        String scm = in.has("source_code_management_uri")
                ? in.text("source_code_management_uri", true, true) : e.sourceCodeManagementUri();
        String reason = in.has("reason") ? in.text("reason", true, true) : e.reason();
        Boolean dedupe = in.bool("deduplication_on_engagement");
        Boolean threatModel = in.bool("threat_model");
        Boolean apiTest = in.bool("api_test");
        Boolean penTest = in.bool("pen_test");
        Boolean checkList = in.bool("check_list");
        List<String> tagValues = in.strings("tags");
        List<String> tags = tagValues == null ? null : TagRules.parse(in, "tags", tagValues);
        // active, progress, tmodel_path and done_testing are read-only.
        return new EngagementRecord(e.id(), name, description, version, product == null ? e.product() : product,
                start == null ? e.targetStart() : start, end == null ? e.targetEnd() : end, status, e.active(),
                type, in.has("lead") ? ProductWriter.orNone(lead) : e.lead(), buildId, commit, branch, scm,
                dedupe == null ? e.deduplicationOnEngagement() : dedupe,
                threatModel == null ? e.threatModel() : threatModel, apiTest == null ? e.apiTest() : apiTest,
                penTest == null ? e.penTest() : penTest, checkList == null ? e.checkList() : checkList,
                tags == null ? e.tags() : store.tags(tags), e.notes(), e.created(), now, e.progress(),
                e.tmodelPath(), e.doneTesting(), reason, e.tracker(), e.testStrategy(), e.firstContacted());
    }
}
