package dev.dojomcp.sandbox;

import java.util.List;

/** {@code POST /tests/} (TestCreateSerializer, §6.4): engagement, test_type, target_start, target_end required. */
final class TestWriter {
    private final SandboxStore store;
    private final EntityJson json;

    TestWriter(SandboxStore store, EntityJson json) {
        this.store = store;
        this.json = json;
    }

    ApiResponse create(ApiRequest request) {
        RequestFields in = RequestFields.of(request);
        in.require("engagement", "test_type", "target_start", "target_end");
        Integer engagement = in.reference("engagement", store.engagements::containsKey, false);
        Integer testType = in.reference("test_type", store.testTypes::containsKey, false);
        Long start = in.dateTime("target_start", false);
        Long end = in.dateTime("target_end", false);
        String title = in.text("title", true, true);
        String description = in.text("description", true, true);
        String scanType = in.text("scan_type", true, true);
        Integer percent = in.integer("percent_complete", true);
        String version = in.text("version", true, true);
        String buildId = in.text("build_id", true, true);
        String commit = in.text("commit_hash", true, true);
        String branch = in.text("branch_tag", true, true);
        Integer lead = in.reference("lead", store.users::containsKey, true);
        Integer environment = in.reference("environment", store.developmentEnvironments::containsKey, true);
        List<String> tagValues = in.strings("tags");
        List<String> tags = tagValues == null ? List.of() : TagRules.parse(in, "tags", tagValues);
        in.throwIfInvalid();

        if (scanType == null) {
            // The reference does not say what scan_type becomes when omitted; the sandbox uses the type's name.
            TestTypeRecord type = store.testTypes.get(testType);
            scanType = type == null ? null : type.name();
        }
        long now = request.clock().millis();
        int id = SandboxStore.nextId(store.tests);
        TestRecord test = new TestRecord(id, engagement, testType, scanType, title, description, start, end, percent,
                version, buildId, commit, branch, ProductWriter.orNone(lead), ProductWriter.orNone(environment),
                store.tags(tags), FindingRecord.NO_IDS, now, now);
        store.tests.put(id, test);
        store.seal(); // new test id in the lookup tables used by finding filters
        return ApiResponse.of(201, json.test(test));
    }
}
