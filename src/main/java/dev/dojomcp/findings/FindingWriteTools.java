package dev.dojomcp.findings;

import static dev.dojomcp.tools.Fields.putIfSet;

import dev.dojomcp.defectdojo.Json;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.defectdojo.model.Finding;
import dev.dojomcp.defectdojo.model.Note;
import dev.dojomcp.defectdojo.model.Test;
import dev.dojomcp.findings.FindingWriteInputs.AddNote;
import dev.dojomcp.findings.FindingWriteInputs.CloseFinding;
import dev.dojomcp.findings.FindingWriteInputs.CloseReason;
import dev.dojomcp.findings.FindingWriteInputs.CreateFinding;
import dev.dojomcp.findings.FindingWriteInputs.FindingTags;
import dev.dojomcp.findings.FindingWriteInputs.FindingWithNote;
import dev.dojomcp.findings.FindingWriteInputs.MarkDuplicate;
import dev.dojomcp.findings.FindingWriteInputs.UpdateFinding;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.ToolContext;
import dev.dojomcp.tools.ToolHints;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import dev.dojomcp.tools.WriteOutcome;
import dev.dojomcp.tools.WriteSteps;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Finding triage: create, update, close, reopen, verify, mark duplicate, notes and tags. Each tool
 * reads the finding first, applies {@link FindingStateRules}, then uses DefectDojo's own action for
 * the change (close/, verify/, original/, duplicate/reset/) so its bookkeeping runs, and answers with
 * a {@link WriteOutcome} holding the finding as it is afterwards.
 */
public final class FindingWriteTools {
    private static final Type[] FINDING = {FindingView.class};

    private FindingWriteTools() {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(createFinding(), updateFinding(), closeFinding(), reopenFinding(), verifyFinding(),
                markDuplicate(), addFindingNote(), addFindingTags(), removeFindingTags());
    }

    /** The finding tag set after a tag change. */
    public record TagSet(long findingId, List<String> tags) implements dev.dojomcp.tools.TextRendering {
        @Override
        public String asText() {
            return "finding #" + findingId + " tags: " + (tags.isEmpty() ? "(none)" : String.join(", ", tags));
        }
    }

    static Finding finding(ToolContext ctx, long id) {
        return ctx.dojo().get(Resource.FINDINGS, id, Finding.class);
    }

    static FindingView view(JsonNode node) {
        return FindingView.of(Json.mapper().treeToValue(node, Finding.class), true, null);
    }

    static FindingView view(Finding f) {
        return FindingView.of(f, true, null);
    }

    static String path(long findingId, String action) {
        return "findings/" + findingId + "/" + action;
    }

    static ToolSpec<CreateFinding, WriteOutcome<FindingView>> createFinding() {
        return ToolSpec.named("create_finding", CreateFinding.class)
                .title("Create a finding")
                .description("Create one finding in a test (for findings a scanner did not report; scanner output is "
                        + "better imported with import_scan). Sends the fields DefectDojo requires: "
                        + "numerical_severity derived from severity, and found_by = DEFECTDOJO_DEFAULT_FOUND_BY_ID or "
                        + "else the test's own test type.")
                .hints(ToolHints.CREATES).permission(PermissionGroup.FINDING_MGMT).toolset(Toolset.FINDINGS)
                .handler(WriteOutcome.class, FINDING, (ctx, in) -> WriteSteps.execute("create_finding", w -> {
                    boolean active = in.active() == null || in.active();
                    boolean verified = Boolean.TRUE.equals(in.verified());
                    FindingStateRules.checkCreate(active, verified);
                    long foundBy = ctx.writes().defaultFoundById().orElseGet(() -> w.fetch("test_id",
                            () -> ctx.dojo().get(Resource.TESTS, in.testId(), Test.class)).testType());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("test", in.testId());
                    body.put("found_by", List.of(foundBy));
                    body.put("active", active);
                    body.put("verified", verified);
                    FindingText.putInto(body, in);
                    putIfSet(body, "date", in.date());
                    putIfSet(body, "unique_id_from_tool", in.uniqueIdFromTool());
                    putIfSet(body, "vuln_id_from_tool", in.vulnIdFromTool());
                    putIfSet(body, "tags", in.tags());
                    JsonNode created = w.run("create", () -> ctx.dojo().post("findings/", body));
                    FindingView view = created.has("id") ? view(created) : null;
                    if (view != null) {
                        w.id("finding_id", view.id());
                    }
                    return w.committed("finding created", view);
                }));
    }

    static ToolSpec<UpdateFinding, WriteOutcome<FindingView>> updateFinding() {
        return ToolSpec.named("update_finding", UpdateFinding.class)
                .title("Update a finding")
                .description("Change a finding's text, severity, CWE, component, location, planned remediation date, "
                        + "or its active/verified/under-review flags. Closing uses close_finding, reopening "
                        + "reopen_finding, duplicates mark_duplicate, risk acceptance accept_risk: update_finding "
                        + "refuses to activate a closed finding or to verify an inactive one.")
                .hints(ToolHints.CHANGES_IDEMPOTENT).permission(PermissionGroup.FINDING_MGMT).toolset(Toolset.FINDINGS)
                .handler(WriteOutcome.class, FINDING, (ctx, in) -> WriteSteps.execute("update_finding", w -> {
                    w.id("finding_id", in.findingId());
                    Finding current = w.fetch("finding_id", () -> finding(ctx, in.findingId()));
                    FindingStateRules.checkUpdate(current, in);
                    Map<String, Object> body = new LinkedHashMap<>();
                    FindingText.putInto(body, in);
                    putIfSet(body, "planned_remediation_date", in.plannedRemediationDate());
                    putIfSet(body, "active", in.active());
                    putIfSet(body, "verified", in.verified());
                    putIfSet(body, "under_review", in.underReview());
                    JsonNode updated = w.run("update", () -> ctx.dojo().patch(path(in.findingId(), ""), body));
                    FindingView view = updated.has("id") ? view(updated)
                            : w.readBack(() -> view(finding(ctx, in.findingId())));
                    return w.committed("finding updated", view);
                }));
    }

    static ToolSpec<CloseFinding, WriteOutcome<FindingView>> closeFinding() {
        return ToolSpec.named("close_finding", CloseFinding.class)
                .title("Close a finding")
                .description("Close a finding as mitigated, false_positive, out_of_scope or duplicate through "
                        + "DefectDojo's close action (is_mitigated always sent, mitigation date and user recorded, "
                        + "removed from risk acceptances), with an optional note. Closing an already closed finding "
                        + "with the same reason changes nothing.")
                .hints(ToolHints.CHANGES_IDEMPOTENT).permission(PermissionGroup.FINDING_MGMT).toolset(Toolset.FINDINGS)
                .handler(WriteOutcome.class, FINDING, (ctx, in) -> WriteSteps.execute("close_finding", w -> {
                    w.id("finding_id", in.findingId());
                    Finding current = w.fetch("finding_id", () -> finding(ctx, in.findingId()));
                    if (FindingStateRules.alreadyClosed(current, in.reason())) {
                        return w.unchanged("already closed as " + in.reason().wire(), view(current));
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    // DefectDojo's UI close always mitigates; without is_mitigated the action fails (trap 3).
                    body.put("is_mitigated", true);
                    body.put("false_p", in.reason() == CloseReason.FALSE_POSITIVE);
                    body.put("out_of_scope", in.reason() == CloseReason.OUT_OF_SCOPE);
                    body.put("duplicate", in.reason() == CloseReason.DUPLICATE);
                    putIfSet(body, "note", in.note());
                    w.run("close", () -> ctx.dojo().post(path(in.findingId(), "close/"), body));
                    return w.committed("finding closed as " + in.reason().wire(),
                            w.readBack(() -> view(finding(ctx, in.findingId()))));
                }));
    }

    static ToolSpec<FindingWithNote, WriteOutcome<FindingView>> reopenFinding() {
        return ToolSpec.named("reopen_finding", FindingWithNote.class)
                .title("Reopen a finding")
                .description("Make a closed, false-positive, out-of-scope, duplicate or risk-accepted finding active "
                        + "again: un-marks a duplicate through DefectDojo's duplicate reset, clears the mitigation and "
                        + "the closing flags, and adds an optional note. Needs the engagement_mgmt permission; an "
                        + "already open finding is left as it is.")
                .hints(ToolHints.CHANGES_IDEMPOTENT).permission(PermissionGroup.ENGAGEMENT_MGMT)
                .toolset(Toolset.FINDINGS)
                .handler(WriteOutcome.class, FINDING, (ctx, in) -> WriteSteps.execute("reopen_finding", w -> {
                    w.id("finding_id", in.findingId());
                    Finding current = w.fetch("finding_id", () -> finding(ctx, in.findingId()));
                    if (FindingStateRules.isOpen(current)) {
                        return w.unchanged("the finding is already open", view(current));
                    }
                    if (FindingStateRules.isTrue(current.duplicate())) {
                        w.run("reset_duplicate", () -> ctx.dojo().post(path(in.findingId(), "duplicate/reset/"),
                                Map.of()));
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("active", true);
                    body.put("is_mitigated", false);
                    body.put("mitigated", null);
                    body.put("mitigated_by", null);
                    body.put("false_p", false);
                    body.put("out_of_scope", false);
                    if (FindingStateRules.isTrue(current.riskAccepted())) {
                        body.put("risk_accepted", false);
                    }
                    w.run("reopen", () -> ctx.dojo().patch(path(in.findingId(), ""), body));
                    if (in.note() != null) {
                        w.attempt("note", () -> ctx.dojo().post(path(in.findingId(), "notes/"),
                                Map.of("entry", in.note(), "private", false)));
                    }
                    return w.committed("finding reopened", w.readBack(() -> view(finding(ctx, in.findingId()))));
                }));
    }

    static ToolSpec<FindingWithNote, WriteOutcome<FindingView>> verifyFinding() {
        return ToolSpec.named("verify_finding", FindingWithNote.class)
                .title("Verify a finding")
                .description("Confirm an active finding is real, through DefectDojo's verify action (sets verified "
                        + "and the review stamp), with an optional note. Inactive findings, false positives and "
                        + "duplicates cannot be verified.")
                .hints(ToolHints.ADDS_IDEMPOTENT).permission(PermissionGroup.FINDING_MGMT).toolset(Toolset.FINDINGS)
                .handler(WriteOutcome.class, FINDING, (ctx, in) -> WriteSteps.execute("verify_finding", w -> {
                    w.id("finding_id", in.findingId());
                    Finding current = w.fetch("finding_id", () -> finding(ctx, in.findingId()));
                    FindingStateRules.checkVerify(current);
                    if (FindingStateRules.isTrue(current.verified()) && in.note() == null) {
                        return w.unchanged("the finding is already verified", view(current));
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    putIfSet(body, "note", in.note());
                    JsonNode verified = w.run("verify", () -> ctx.dojo().post(path(in.findingId(), "verify/"), body));
                    return w.committed("finding verified", verified.has("id") ? view(verified)
                            : w.readBack(() -> view(finding(ctx, in.findingId()))));
                }));
    }

    static ToolSpec<MarkDuplicate, WriteOutcome<FindingView>> markDuplicate() {
        return ToolSpec.named("mark_duplicate", MarkDuplicate.class)
                .title("Mark a finding as a duplicate")
                .description("Mark finding_id (and any findings already duplicating it) as a duplicate of original_id "
                        + "through DefectDojo's original action: they become inactive and point at the original. Both "
                        + "must be in the same product. Optional note.")
                .hints(ToolHints.CHANGES_IDEMPOTENT).permission(PermissionGroup.FINDING_MGMT).toolset(Toolset.FINDINGS)
                .handler(WriteOutcome.class, FINDING, (ctx, in) -> WriteSteps.execute("mark_duplicate", w -> {
                    w.id("finding_id", in.findingId()).id("original_id", in.originalId());
                    Finding current = w.fetch("finding_id", () -> finding(ctx, in.findingId()));
                    Finding original = w.fetch("original_id", () -> finding(ctx, in.originalId()));
                    FindingStateRules.checkDuplicate(current, original);
                    if (FindingStateRules.isTrue(current.duplicate())
                            && in.originalId().equals(current.duplicateFinding()) && in.note() == null) {
                        return w.unchanged("already a duplicate of that finding", view(current));
                    }
                    w.run("mark_duplicate", () -> ctx.dojo().post(
                            path(in.findingId(), "original/" + in.originalId() + "/"), Map.of()));
                    if (in.note() != null) {
                        w.attempt("note", () -> ctx.dojo().post(path(in.findingId(), "notes/"),
                                Map.of("entry", in.note(), "private", false)));
                    }
                    return w.committed("marked as a duplicate", w.readBack(() -> view(finding(ctx, in.findingId()))));
                }));
    }

    static ToolSpec<AddNote, WriteOutcome<Note>> addFindingNote() {
        return ToolSpec.named("add_finding_note", AddNote.class)
                .title("Add a note to a finding")
                .description("Add a note (comment) to a finding. DefectDojo does not return the new note's id, so it "
                        + "is looked up afterwards and returned when found.")
                .hints(ToolHints.CREATES).permission(PermissionGroup.FINDING_MGMT).toolset(Toolset.FINDINGS)
                .handler(WriteOutcome.class, new Type[] {Note.class}, (ctx, in) -> WriteSteps.execute(
                        "add_finding_note", w -> {
                            w.id("finding_id", in.findingId());
                            w.fetch("finding_id", () -> finding(ctx, in.findingId()));
                            boolean isPrivate = Boolean.TRUE.equals(in.isPrivate());
                            w.run("note", () -> ctx.dojo().post(path(in.findingId(), "notes/"),
                                    Map.of("entry", in.entry(), "private", isPrivate)));
                            // The 201 answer carries no id (trap 34): find the newest note with this text.
                            Note note = w.readBack(() -> {
                                List<Note> notes = ctx.dojo().findingNotes(in.findingId());
                                for (int i = notes.size() - 1; i >= 0; i--) {
                                    if (in.entry().equals(notes.get(i).entry())) {
                                        return notes.get(i);
                                    }
                                }
                                return null;
                            });
                            if (note != null && note.id() != null) {
                                w.id("note_id", note.id());
                            }
                            return w.committed("note added", note);
                        }));
    }

    static ToolSpec<FindingTags, WriteOutcome<TagSet>> addFindingTags() {
        return ToolSpec.named("add_finding_tags", FindingTags.class)
                .title("Tag a finding")
                .description("Add tags to a finding, keeping its existing ones. Tags are lower case letters, digits "
                        + "and . _ : / + = @ - (no spaces, commas or quotes).")
                .hints(ToolHints.ADDS_IDEMPOTENT).permission(PermissionGroup.FINDING_MGMT).toolset(Toolset.FINDINGS)
                .handler(WriteOutcome.class, new Type[] {TagSet.class}, (ctx, in) -> WriteSteps.execute(
                        "add_finding_tags", w -> {
                            w.id("finding_id", in.findingId());
                            Finding current = w.fetch("finding_id", () -> finding(ctx, in.findingId()));
                            List<String> existing = current.tags() == null ? List.of() : current.tags();
                            if (existing.containsAll(in.tags())) {
                                return w.unchanged("the finding already has these tags",
                                        new TagSet(in.findingId(), existing));
                            }
                            JsonNode answer = w.run("add_tags", () -> ctx.dojo().post(path(in.findingId(), "tags/"),
                                    Map.of("tags", in.tags())));
                            List<String> after = strings(answer.path("tags"));
                            if (after == null) {
                                Set<String> union = new LinkedHashSet<>(existing);
                                union.addAll(in.tags());
                                after = List.copyOf(union);
                            }
                            return w.committed("tags added", new TagSet(in.findingId(), after));
                        }));
    }

    static ToolSpec<FindingTags, WriteOutcome<TagSet>> removeFindingTags() {
        return ToolSpec.named("remove_finding_tags", FindingTags.class)
                .title("Remove tags from a finding")
                .description("Remove tags from a finding. Tags it does not have are skipped; when it has none of "
                        + "them, nothing is sent.")
                .hints(ToolHints.CHANGES_IDEMPOTENT).permission(PermissionGroup.FINDING_MGMT).toolset(Toolset.FINDINGS)
                .handler(WriteOutcome.class, new Type[] {TagSet.class}, (ctx, in) -> WriteSteps.execute(
                        "remove_finding_tags", w -> {
                            w.id("finding_id", in.findingId());
                            Finding current = w.fetch("finding_id", () -> finding(ctx, in.findingId()));
                            List<String> existing = current.tags() == null ? List.of() : current.tags();
                            List<String> present = in.tags().stream().filter(existing::contains).toList();
                            if (present.isEmpty()) {
                                return w.unchanged("the finding has none of these tags",
                                        new TagSet(in.findingId(), existing));
                            }
                            // DefectDojo refuses the whole request when one tag is missing, and an empty list (F-014).
                            w.run("remove_tags", () -> ctx.dojo().put(path(in.findingId(), "remove_tags/"),
                                    Map.of("tags", present)));
                            List<String> after = new ArrayList<>(existing);
                            after.removeAll(present);
                            TagSet readBack = w.readBack(() -> {
                                Finding f = finding(ctx, in.findingId());
                                return new TagSet(in.findingId(), f.tags() == null ? List.of() : f.tags());
                            });
                            return w.committed("tags removed", readBack != null ? readBack
                                    : new TagSet(in.findingId(), after));
                        }));
    }

    static List<String> strings(JsonNode array) {
        if (!array.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
