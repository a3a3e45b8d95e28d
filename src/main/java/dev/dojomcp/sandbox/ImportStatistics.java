package dev.dojomcp.sandbox;

import java.util.Collection;
import tools.jackson.databind.node.ObjectNode;

/** The {@code S} object of an import's {@code statistics}: counts per severity and in total (§8). */
final class ImportStatistics {
    private static final String[] LEVELS = {"critical", "high", "medium", "low", "info"};

    private ImportStatistics() {
    }

    static ObjectNode of(Collection<FindingRecord> findings) {
        ObjectNode s = Json.object();
        for (int i = LEVELS.length - 1; i >= 0; i--) {
            int severity = i;
            s.set(LEVELS[i], counts(findings.stream().filter(f -> f.severity == severity).toList()));
        }
        s.set("total", counts(findings));
        return s;
    }

    private static ObjectNode counts(Collection<FindingRecord> findings) {
        ObjectNode n = Json.object();
        n.put("active", count(findings, FindingRecord.ACTIVE));
        n.put("verified", count(findings, FindingRecord.VERIFIED));
        n.put("duplicate", count(findings, FindingRecord.DUPLICATE));
        n.put("false_p", count(findings, FindingRecord.FALSE_P));
        n.put("out_of_scope", count(findings, FindingRecord.OUT_OF_SCOPE));
        n.put("is_mitigated", count(findings, FindingRecord.IS_MITIGATED));
        n.put("risk_accepted", count(findings, FindingRecord.RISK_ACCEPTED));
        n.put("total", findings.size());
        return n;
    }

    private static long count(Collection<FindingRecord> findings, int flag) {
        return findings.stream().filter(f -> f.is(flag)).count();
    }
}
