package dev.dojomcp.sandbox;

import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code findings/}: list, detail, {@code {id}/notes/} and {@code {id}/tags/}; writes: create, update
 * (§5.5, §5.6) and the actions of §5.7 (see {@link FindingActions}).
 */
final class FindingsResource implements Resource {
    private final ListResource<FindingRecord> delegate;
    private final FindingActions actions;

    FindingsResource(SandboxStore store, FindingJson findingJson, EntityJson json, int dojoVersion) {
        this.delegate = new ListResource<>("findings", () -> Arrays.asList(store.findingsInDefaultOrder()),
                store::finding, FindingFilters.create(store, dojoVersion), FindingOrdering.create(store),
                (request, f) -> findingJson.toJson(f, request.today(), relatedFields(request)), true, p -> true);
        this.actions = new FindingActions(store, findingJson, json);
        FindingWriter writer = new FindingWriter(store, findingJson);
        delegate.detailAction("notes", (req, f) ->
                ResourceCatalog.notesWrapper(json, store, "finding_id", f.id, f.notes));
        delegate.detailAction("tags", (req, f) -> {
            ObjectNode body = Json.object();
            Json.strings(body, "tags", f.tags);
            return ApiResponse.ok(body);
        });
        delegate.onCreate(writer::create).onUpdate(writer::update)
                .detailWrite("POST", "close", actions::close)
                .detailWrite("POST", "verify", actions::verify)
                .detailWrite("POST", "notes", actions::addNote)
                .detailWrite("POST", "tags", actions::addTags)
                .detailWrite("PUT", "remove_tags", actions::removeTags)
                .detailWrite("PATCH", "remove_tags", actions::removeTags)
                .detailWrite("POST", "duplicate/reset", actions::resetDuplicate);
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
        if (rest.size() == 3 && rest.get(1).equals("original")) {
            if (!request.method().equals("POST")) {
                throw ApiError.methodNotAllowed(request.method());
            }
            FindingRecord finding = delegate.lookup(rest.get(0));
            return actions.setOriginal(request, finding, rest.get(2));
        }
        return delegate.handle(request, rest);
    }
}
