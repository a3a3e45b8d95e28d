package dev.dojomcp.sandbox;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one import's findings: new ones with the form's overrides and the status rules DefectDojo applies
 * when a finding is first saved, and the close / reactivate transitions of (re)import, each leaving the note
 * DefectDojo leaves.
 */
final class ImportedFindings {
    private final SandboxStore store;
    private final ImportForm form;
    private final TestRecord test;
    private final int user;
    private final long now;
    private final LocalDate today;

    ImportedFindings(SandboxStore store, ImportForm form, TestRecord test, int user, long now, LocalDate today) {
        this.store = store;
        this.form = form;
        this.test = test;
        this.user = user;
        this.now = now;
        this.today = today;
    }

    /** Stores a parsed finding as a new finding of the test. */
    FindingRecord create(FindingRecord f) {
        f.test = test.id();
        f.reporter = user;
        f.foundBy = store.singleId(test.testType());
        f.created = now;
        f.updated = now;
        f.lastReviewed = now;
        f.lastReviewedBy = user;
        // active / verified apply only when the key is present (§8, trap 12).
        Boolean active = form.optionalBool("active");
        if (active != null) {
            f.set(FindingRecord.ACTIVE, active);
        }
        Boolean verified = form.optionalBool("verified");
        if (verified != null) {
            f.set(FindingRecord.VERIFIED, verified);
        }
        Integer scanDate = form.date("scan_date");
        if (scanDate != null) {
            f.date = scanDate;
        } else if (f.date == FindingRecord.NO_DAY) {
            f.date = (int) today.toEpochDay();
        }
        addImportTags(f);
        // Saving a new finding with a file path and no endpoints makes it static (the sandbox has no endpoints).
        if (f.filePath != null) {
            f.set(FindingRecord.STATIC_FINDING, true);
            f.set(FindingRecord.DYNAMIC_FINDING, false);
        }
        newFindingStatus(f);
        FindingWriter.computeSla(store, f);
        return store.appendFinding(f);
    }

    /**
     * DefectDojo's status bookkeeping for a new finding: mitigated ones get a date and user, active ones lose
     * false_p / out_of_scope / mitigation, false positives and out-of-scope ones become inactive, unverified
     * and mitigated.
     */
    private void newFindingStatus(FindingRecord f) {
        if (f.is(FindingRecord.IS_MITIGATED)) {
            f.mitigated = f.mitigated == FindingRecord.NO_TIME ? now : f.mitigated;
            f.mitigatedBy = f.mitigatedBy == FindingRecord.NO_ID ? user : f.mitigatedBy;
        } else {
            f.mitigated = FindingRecord.NO_TIME;
            f.mitigatedBy = FindingRecord.NO_ID;
        }
        if (f.is(FindingRecord.ACTIVE)) {
            f.set(FindingRecord.FALSE_P, false);
            f.set(FindingRecord.OUT_OF_SCOPE, false);
            f.set(FindingRecord.IS_MITIGATED, false);
            f.mitigated = FindingRecord.NO_TIME;
            f.mitigatedBy = FindingRecord.NO_ID;
        }
        if (f.is(FindingRecord.FALSE_P) || f.is(FindingRecord.OUT_OF_SCOPE)) {
            f.mitigated = f.mitigated == FindingRecord.NO_TIME ? now : f.mitigated;
            f.mitigatedBy = f.mitigatedBy == FindingRecord.NO_ID ? user : f.mitigatedBy;
            f.set(FindingRecord.IS_MITIGATED, true);
            f.set(FindingRecord.ACTIVE, false);
            f.set(FindingRecord.VERIFIED, false);
        }
        f.lastStatusUpdate = now;
    }

    /** With apply_tags_to_findings the import's tags are added to the findings it writes. */
    void addImportTags(FindingRecord f) {
        if (form.bool("apply_tags_to_findings", false) && test.tags().length > 0) {
            Set<String> tags = new LinkedHashSet<>(List.of(f.tags));
            tags.addAll(List.of(test.tags()));
            f.tags = store.tags(tags);
        }
    }

    /**
     * Closes a finding the report no longer has: inactive, mitigated (at the scan date when one was given, as
     * DefectDojo does), mitigated by the caller, out of any risk acceptance, with a note.
     */
    FindingRecord close(FindingRecord current, String note) {
        FindingRecord f = current.copy();
        f.set(FindingRecord.ACTIVE, false);
        f.set(FindingRecord.IS_MITIGATED, true);
        if (f.mitigated == FindingRecord.NO_TIME) {
            Integer scanDate = form.date("scan_date");
            f.mitigated = scanDate == null ? now : scanDate * 86_400_000L;
        }
        f.mitigatedBy = user;
        if (f.is(FindingRecord.RISK_ACCEPTED)) {
            // DefectDojo also notes the removed risk exception; that note's wording is not modelled.
            RiskAcceptances.removeFinding(store, f.id);
            f.set(FindingRecord.RISK_ACCEPTED, false);
        }
        addNote(f, note);
        f.lastStatusUpdate = now;
        f.updated = now;
        store.replaceFinding(f);
        return f;
    }

    /** Reopens a closed finding the report has again; a duplicate is un-mitigated but stays inactive. */
    FindingRecord reactivate(FindingRecord current, FindingRecord incoming, String scanType) {
        FindingRecord f = current.copy();
        syncFix(f, incoming);
        f.set(FindingRecord.IS_MITIGATED, false);
        f.mitigated = FindingRecord.NO_TIME;
        f.mitigatedBy = FindingRecord.NO_ID;
        boolean duplicate = f.is(FindingRecord.DUPLICATE);
        if (duplicate) {
            f.set(FindingRecord.ACTIVE, false);
            f.set(FindingRecord.VERIFIED, false);
        } else {
            f.set(FindingRecord.ACTIVE, true);
            f.set(FindingRecord.FALSE_P, false);
            f.set(FindingRecord.OUT_OF_SCOPE, false);
            Boolean verified = form.optionalBool("verified");
            if (verified != null) {
                f.set(FindingRecord.VERIFIED, verified);
            }
        }
        fillComponent(f, incoming);
        SlaConfigurationRecord sla = store.slaFor(store.productOfFinding(f));
        if (sla.restartSlaOnReactivation() && f.slaStartDate != FindingRecord.NO_DAY) {
            int days = sla.daysFor(f.severity());
            f.slaStartDate = (int) today.toEpochDay();
            f.slaExpirationDate = days < 0 ? FindingRecord.NO_DAY : f.slaStartDate + days;
        }
        addNote(f, duplicate
                ? "Un-mitigated by " + scanType + " re-upload but kept inactive because the finding is a duplicate."
                : "Re-activated by " + scanType + " re-upload.");
        f.lastStatusUpdate = now;
        f.updated = now;
        store.replaceFinding(f);
        return f;
    }

    /** do_not_reactivate: the closed finding stays closed and gets a note saying so, once per user. */
    void keepClosed(FindingRecord current, String scanType) {
        String entry = "Finding has skipped reactivation from " + scanType
                + " re-upload with user decision do_not_reactivate.";
        for (int id : current.notes) {
            NoteRecord note = store.notes.get(id);
            if (note != null && note.author() == user && entry.equals(note.entry())) {
                return;
            }
        }
        FindingRecord f = current.copy();
        addNote(f, entry);
        store.replaceFinding(f);
    }

    /** A report that marks an open finding mitigated, false positive, out of scope or accepted closes it. */
    FindingRecord applyReportedStatus(FindingRecord current, FindingRecord incoming) {
        FindingRecord f = current.copy();
        syncFix(f, incoming);
        Boolean verified = form.optionalBool("verified");
        if (incoming.is(FindingRecord.IS_MITIGATED)) {
            f.mitigated = incoming.mitigated == FindingRecord.NO_TIME ? now : incoming.mitigated;
            f.mitigatedBy = user;
            f.set(FindingRecord.IS_MITIGATED, true);
        } else {
            f.set(FindingRecord.RISK_ACCEPTED, incoming.is(FindingRecord.RISK_ACCEPTED));
            f.set(FindingRecord.FALSE_P, incoming.is(FindingRecord.FALSE_P));
            f.set(FindingRecord.OUT_OF_SCOPE, incoming.is(FindingRecord.OUT_OF_SCOPE));
            if (f.is(FindingRecord.FALSE_P) || f.is(FindingRecord.OUT_OF_SCOPE)) {
                f.mitigated = f.mitigated == FindingRecord.NO_TIME ? now : f.mitigated;
                f.mitigatedBy = f.mitigatedBy == FindingRecord.NO_ID ? user : f.mitigatedBy;
                f.set(FindingRecord.IS_MITIGATED, true);
                verified = Boolean.FALSE;
            }
        }
        f.set(FindingRecord.ACTIVE, false);
        if (verified != null) {
            f.set(FindingRecord.VERIFIED, verified);
        }
        fillComponent(f, incoming);
        f.lastStatusUpdate = now;
        f.updated = now;
        store.replaceFinding(f);
        return f;
    }

    /**
     * What a matched open finding takes from the report: fix availability, missing component fields, the
     * report's vulnerability ids and the import's tags. Returns the stored finding (a new copy when changed).
     */
    FindingRecord refresh(FindingRecord current, FindingRecord incoming) {
        FindingRecord f = current.copy();
        syncFix(f, incoming);
        fillComponent(f, incoming);
        f.vulnerabilityIds = incoming.vulnerabilityIds;
        addImportTags(f);
        if (sameContent(current, f)) {
            return current;
        }
        f.updated = now;
        store.replaceFinding(f);
        return f;
    }

    private static boolean sameContent(FindingRecord a, FindingRecord b) {
        return a.flags == b.flags && java.util.Objects.equals(a.fixVersion, b.fixVersion)
                && java.util.Objects.equals(a.componentName, b.componentName)
                && java.util.Objects.equals(a.componentVersion, b.componentVersion)
                && Arrays.equals(a.vulnerabilityIds, b.vulnerabilityIds) && Arrays.equals(a.tags, b.tags);
    }

    private static void syncFix(FindingRecord f, FindingRecord incoming) {
        boolean known = incoming.is(FindingRecord.FIX_AVAILABLE_KNOWN);
        boolean available = incoming.is(FindingRecord.FIX_AVAILABLE);
        if (f.is(FindingRecord.FIX_AVAILABLE_KNOWN) != known
                || (known && f.is(FindingRecord.FIX_AVAILABLE) != available)) {
            f.set(FindingRecord.FIX_AVAILABLE_KNOWN, known);
            f.set(FindingRecord.FIX_AVAILABLE, available);
            f.fixVersion = incoming.fixVersion;
        }
    }

    private static void fillComponent(FindingRecord f, FindingRecord incoming) {
        if (f.componentName == null || f.componentName.isEmpty()) {
            f.componentName = incoming.componentName;
        }
        if (f.componentVersion == null || f.componentVersion.isEmpty()) {
            f.componentVersion = incoming.componentVersion;
        }
    }

    private void addNote(FindingRecord f, String entry) {
        store.addNote(f, user, entry, false, now);
    }
}
