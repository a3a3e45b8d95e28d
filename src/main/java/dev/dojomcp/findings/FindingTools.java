package dev.dojomcp.findings;

import dev.dojomcp.defectdojo.Page;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.defectdojo.model.Finding;
import dev.dojomcp.defectdojo.model.Note;
import dev.dojomcp.tools.Listing;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Finding search and retrieval, with the Pro server's names and parameters. */
public final class FindingTools {
    private FindingTools() {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(getFindings(), getFindingById(), getFindingNotes());
    }

    /** The status mapping, generated from {@link FindingStatus} for the description and the README. */
    public static String statusMappingDoc() {
        return Arrays.stream(FindingStatus.values())
                .map(s -> s.label() + " = " + (s.filters().isEmpty() ? "no filter"
                        : s.filters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("&"))))
                .collect(Collectors.joining("; "));
    }

    static ToolSpec<GetFindingsInput, Listing<FindingView>> getFindings() {
        return ToolSpec.named("get_findings", GetFindingsInput.class)
                .title("Search findings")
                .description("Search DefectDojo findings by severity, status, discovery date, product, engagement, "
                        + "test, CWE, CVE, tags, EPSS, CISA KEV, SLA, component and title, with paging. For a count "
                        + "only, set limit=1 and read count. Use status Active for current risk. Status values map "
                        + "to DefectDojo filters as its own UI does: " + statusMappingDoc() + ". Date buckets are "
                        + "DefectDojo's discovery-date ranges (server UTC date); '0 - Any date' sets no filter.")
                .permission(PermissionGroup.METADATA_READ)
                .toolset(Toolset.FINDINGS)
                .handler(Listing.class, new Type[] {FindingView.class}, (ctx, in) -> {
                    Page<JsonNode> page = ctx.dojo().list(FindingQueries.forInput(in), in.limitOrDefault(),
                            in.offsetOrDefault(), JsonNode.class);
                    boolean full = in.detail() == Detail.FULL;
                    List<FindingView> views = new ArrayList<>(page.results().size());
                    for (JsonNode node : page.results()) {
                        Finding f = dev.dojomcp.defectdojo.Json.mapper().treeToValue(node, Finding.class);
                        views.add(full ? FindingView.of(f, true, node) : FindingView.compact(f));
                    }
                    return new Listing<>(page.count(), page.limit(), page.offset(), page.hasMore(),
                            page.nextOffset(), views);
                });
    }

    static ToolSpec<FindingIdInput, FindingView> getFindingById() {
        return ToolSpec.named("get_finding_by_id", FindingIdInput.class)
                .title("Get a finding")
                .description("One finding by id, with description, mitigation, impact and steps to reproduce; "
                        + "detail=full adds every field DefectDojo returns.")
                .permission(PermissionGroup.METADATA_READ)
                .toolset(Toolset.FINDINGS)
                .handler(FindingView.class, (ctx, in) -> {
                    JsonNode node = ctx.dojo().getRaw(Resource.FINDINGS, in.findingId());
                    Finding f = dev.dojomcp.defectdojo.Json.mapper().treeToValue(node, Finding.class);
                    return FindingView.of(f, true, in.detail() == Detail.FULL ? node : null);
                });
    }

    static ToolSpec<FindingNotesInput, FindingNotes> getFindingNotes() {
        return ToolSpec.named("get_finding_notes", FindingNotesInput.class)
                .title("List a finding's notes")
                .description("The notes (comments) on one finding, oldest first, with author and date.")
                .permission(PermissionGroup.METADATA_READ)
                .toolset(Toolset.FINDINGS)
                .handler(FindingNotes.class, (ctx, in) -> {
                    List<Note> notes = ctx.dojo().findingNotes(in.findingId());
                    return new FindingNotes(in.findingId(), notes.size(), notes);
                });
    }

}
