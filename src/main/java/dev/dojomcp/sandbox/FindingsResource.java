package dev.dojomcp.sandbox;

import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** {@code findings/}: list, detail, {@code {id}/notes/} and {@code {id}/tags/}. */
final class FindingsResource implements Resource {
    private final ListResource<FindingRecord> delegate;

    FindingsResource(SandboxStore store, FindingJson findingJson, EntityJson json, int dojoVersion) {
        this.delegate = new ListResource<>("findings", () -> Arrays.asList(store.findingsInDefaultOrder()),
                store::finding, FindingFilters.create(store, dojoVersion), FindingOrdering.create(store),
                (request, f) -> findingJson.toJson(f, request.today(), relatedFields(request)), true, p -> true);
        delegate.detailAction("notes", (req, f) ->
                ResourceCatalog.notesWrapper(json, store, "finding_id", f.id, f.notes));
        delegate.detailAction("tags", (req, f) -> {
            ObjectNode body = Json.object();
            Json.strings(body, "tags", f.tags);
            return ApiResponse.ok(body);
        });
    }

    private static boolean relatedFields(ApiRequest request) {
        String value = request.query().first("related_fields");
        return value != null && Boolean.TRUE.equals(Filters.parseBoolean(value));
    }

    @Override
    public String prefix() {
        return "findings";
    }

    @Override
    public ApiResponse handle(ApiRequest request, List<String> rest) {
        return delegate.handle(request, rest);
    }
}
