package dev.dojomcp.sandbox;

import java.util.Arrays;

/** Store-level risk acceptance bookkeeping shared by the finding writers and the risk acceptance resource. */
final class RiskAcceptances {
    private RiskAcceptances() {
    }

    /** Takes the finding out of every acceptance that lists it (the finding's own flags are left to the caller). */
    static void removeFinding(SandboxStore store, int findingId) {
        for (RiskAcceptanceRecord ra : store.riskAcceptances.values().toArray(RiskAcceptanceRecord[]::new)) {
            if (Arrays.stream(ra.acceptedFindings()).anyMatch(id -> id == findingId)) {
                int[] remaining = Arrays.stream(ra.acceptedFindings()).filter(id -> id != findingId).toArray();
                store.riskAcceptances.put(ra.id(), new RiskAcceptanceRecord(ra.id(), ra.name(), ra.owner(), remaining,
                        ra.recommendation(), ra.recommendationDetails(), ra.decision(), ra.decisionDetails(),
                        ra.acceptedBy(), ra.expirationDate(), ra.reactivateExpired(), ra.restartSlaExpired(),
                        ra.engagement(), ra.created(), ra.updated()));
            }
        }
    }

    /** Ids of the acceptances listing the finding ({@code accepted_risks} on the finding JSON). */
    static int[] of(SandboxStore store, int findingId) {
        return store.riskAcceptances.values().stream()
                .filter(ra -> Arrays.stream(ra.acceptedFindings()).anyMatch(id -> id == findingId))
                .mapToInt(RiskAcceptanceRecord::id).toArray();
    }
}
