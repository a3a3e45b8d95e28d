package dev.dojomcp.findings;

import static dev.dojomcp.tools.StateRuleViolation.check;

import dev.dojomcp.defectdojo.model.Finding;
import dev.dojomcp.findings.FindingWriteInputs.CloseReason;
import dev.dojomcp.findings.FindingWriteInputs.UpdateFinding;

/**
 * DefectDojo's finding workflow, enforced before anything is sent. DefectDojo itself refuses only
 * some of these (duplicate + active/verified, false positive + verified, active + risk accepted);
 * the rest keep a finding's status honest: a closed finding is reopened by reopen_finding (its own
 * tool and permission), never by flipping flags through update_finding, and only an active finding
 * is verified. Messages name the field and the rule, never a value.
 */
final class FindingStateRules {
    private FindingStateRules() {
    }

    static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    static void checkCreate(boolean active, boolean verified) {
        check(verified && !active, "verified", "only an active finding can be verified");
    }

    static void checkUpdate(Finding current, UpdateFinding in) {
        if (isTrue(in.active())) {
            check(isTrue(current.isMitigated()), "active",
                    "a mitigated finding cannot be activated here (no active and mitigated at once); reopen it with "
                            + "reopen_finding");
            check(isTrue(current.falseP()) || isTrue(current.outOfScope()), "active",
                    "a false-positive or out-of-scope finding is closed; reopen it with reopen_finding");
            check(isTrue(current.duplicate()), "active",
                    "a duplicate cannot be active; reopen it with reopen_finding, which un-marks it");
            check(isTrue(current.riskAccepted()), "active",
                    "a risk-accepted finding cannot be active; reopen it with reopen_finding");
        }
        boolean activeAfter = in.active() != null ? in.active() : isTrue(current.active());
        if (isTrue(in.verified())) {
            check(!activeAfter, "verified", "only an active finding can be verified");
            check(isTrue(current.falseP()), "verified", "a false positive cannot be verified");
        }
    }

    static void checkVerify(Finding current) {
        check(!isTrue(current.active()), "finding_id",
                "only an active finding can be verified; reopen it first");
        check(isTrue(current.falseP()), "finding_id", "a false positive cannot be verified");
        check(isTrue(current.duplicate()), "finding_id", "a duplicate cannot be verified");
    }

    static void checkDuplicate(Finding finding, Finding original) {
        check(finding.id().equals(original.id()), "original_id", "must be a different finding than finding_id");
        check(isTrue(original.duplicate()), "original_id",
                "is itself a duplicate; name the finding it duplicates instead");
    }

    /** Closed already with exactly this reason: closing again would only move the mitigation date. */
    static boolean alreadyClosed(Finding f, CloseReason reason) {
        return isTrue(f.isMitigated()) && !isTrue(f.active())
                && isTrue(f.falseP()) == (reason == CloseReason.FALSE_POSITIVE)
                && isTrue(f.outOfScope()) == (reason == CloseReason.OUT_OF_SCOPE)
                && isTrue(f.duplicate()) == (reason == CloseReason.DUPLICATE);
    }

    /** Active with no closing flag: nothing to reopen. */
    static boolean isOpen(Finding f) {
        return isTrue(f.active()) && !isTrue(f.isMitigated()) && !isTrue(f.falseP()) && !isTrue(f.outOfScope())
                && !isTrue(f.duplicate()) && !isTrue(f.riskAccepted());
    }
}
