package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * One reimport of parsed findings into an existing test, following DefectDojo's reimporter: each report finding
 * is matched against the test's findings with the test's deduplication algorithm; unmatched ones are created,
 * matched ones keep their id and change status as the report says (a closed one reopens unless
 * do_not_reactivate); then the original findings that were neither reactivated nor left unchanged are closed
 * when close_old_findings (true by default on reimport, trap 11). Findings are processed in report order
 * (DefectDojo sorts them by its hash first, which only decides which of two equal findings is created).
 */
final class ReimportRun {
    private final SandboxStore store;
    private final ImportForm form;
    private final TestRecord test;
    private final ImportedFindings findings;

    private final Set<Integer> created = new LinkedHashSet<>();
    private final Set<Integer> reactivated = new LinkedHashSet<>();
    private final Set<Integer> unchanged = new LinkedHashSet<>();

    ReimportRun(SandboxStore store, ImportForm form, TestRecord test, ImportedFindings findings) {
        this.store = store;
        this.form = form;
        this.test = test;
        this.findings = findings;
    }

    /** Runs the reimport and returns the {@code statistics} object (before, delta, after). */
    ObjectNode run(List<FindingRecord> parsed) {
        List<FindingRecord> inTest = ScanImporter.findingsOf(store, test.id());
        ObjectNode before = ImportStatistics.of(inTest);
        // Close-old bookkeeping covers the findings with the form's service (or none); its checks read the
        // findings as they were before the run, as DefectDojo's snapshot does.
        Map<Integer, FindingRecord> originals = new LinkedHashMap<>();
        String service = form.text("service");
        for (FindingRecord f : inTest) {
            boolean sameService = service == null ? f.service == null || f.service.isEmpty()
                    : service.equals(f.service);
            if (sameService) {
                originals.put(f.id, f);
            }
        }
        TestTypeRecord type = store.testTypes.get(test.testType());
        DedupeAlgorithm algorithm = DedupeAlgorithm.of(type == null ? null : type.name(), test.scanType());
        ReimportMatcher matcher = new ReimportMatcher(algorithm, inTest);
        String scanType = form.text("scan_type");
        for (FindingRecord incoming : parsed) {
            FindingRecord match = matcher.match(incoming);
            if (match == null) {
                FindingRecord f = findings.create(incoming);
                created.add(f.id);
                matcher.add(f);
            } else if (matched(store.finding(match.id), incoming, scanType)) {
                findings.refresh(store.finding(match.id), incoming);
            }
        }
        List<FindingRecord> closed = new ArrayList<>();
        Set<Integer> toMitigate = new LinkedHashSet<>(originals.keySet());
        toMitigate.removeAll(reactivated);
        toMitigate.removeAll(unchanged);
        if (form.bool("close_old_findings", true)) {
            String note = "Mitigated by " + (type == null ? test.scanType() : type.name()) + " re-upload.";
            for (int id : toMitigate) {
                FindingRecord snapshot = originals.get(id);
                if (snapshot.mitigated == FindingRecord.NO_TIME || !snapshot.is(FindingRecord.IS_MITIGATED)) {
                    closed.add(findings.close(store.finding(id), note));
                }
            }
        }
        Set<Integer> untouched = new LinkedHashSet<>(unchanged);
        untouched.removeAll(toMitigate);
        untouched.removeAll(created);
        untouched.removeAll(reactivated);

        ObjectNode statistics = Json.object();
        statistics.set("before", before);
        // "delta" needs DD_TRACK_IMPORT_HISTORY; the sandbox behaves as if it is on.
        ObjectNode delta = statistics.putObject("delta");
        delta.set("created", ImportStatistics.of(current(created)));
        delta.set("closed", ImportStatistics.of(closed));
        delta.set("reactivated", ImportStatistics.of(current(reactivated)));
        delta.set("untouched", ImportStatistics.of(current(untouched)));
        statistics.set("after", ImportStatistics.of(ScanImporter.findingsOf(store, test.id())));
        return statistics;
    }

    /**
     * A report finding that matched {@code existing}. Returns whether the match goes on to take the report's
     * details (DefectDojo's post-processing), false when the reimporter skips straight to the next finding.
     */
    private boolean matched(FindingRecord existing, FindingRecord incoming, String scanType) {
        if (existing.is(FindingRecord.FALSE_P) || existing.is(FindingRecord.OUT_OF_SCOPE)
                || existing.is(FindingRecord.RISK_ACCEPTED)) {
            boolean sameStatus = existing.is(FindingRecord.FALSE_P) == incoming.is(FindingRecord.FALSE_P)
                    && existing.is(FindingRecord.OUT_OF_SCOPE) == incoming.is(FindingRecord.OUT_OF_SCOPE)
                    && existing.is(FindingRecord.RISK_ACCEPTED) == incoming.is(FindingRecord.RISK_ACCEPTED);
            if (sameStatus) {
                unchanged.add(existing.id);
                return false;
            }
            if (existing.is(FindingRecord.RISK_ACCEPTED) && !existing.is(FindingRecord.ACTIVE)) {
                unchanged.add(existing.id);
            }
            // Otherwise DefectDojo counts it neither unchanged nor reactivated, so close_old_findings closes it.
            return true;
        }
        if (existing.is(FindingRecord.IS_MITIGATED)) {
            if (incoming.is(FindingRecord.IS_MITIGATED)) {
                unchanged.add(existing.id);
                return false;
            }
            if (form.bool("do_not_reactivate", false)) {
                findings.keepClosed(existing, scanType);
                return false;
            }
            reactivated.add(findings.reactivate(existing, incoming, scanType).id);
            return true;
        }
        if (incoming.is(FindingRecord.IS_MITIGATED) || incoming.is(FindingRecord.RISK_ACCEPTED)
                || incoming.is(FindingRecord.FALSE_P) || incoming.is(FindingRecord.OUT_OF_SCOPE)) {
            findings.applyReportedStatus(existing, incoming);
        } else {
            unchanged.add(existing.id);
        }
        return true;
    }

    private List<FindingRecord> current(Set<Integer> ids) {
        List<FindingRecord> result = new ArrayList<>(ids.size());
        for (int id : ids) {
            result.add(store.finding(id));
        }
        return result;
    }
}
