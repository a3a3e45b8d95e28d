package dev.dojomcp.imports;

import dev.dojomcp.defectdojo.DefectDojoClient;
import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.defectdojo.model.TestType;
import dev.dojomcp.tools.StateRuleViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks a scan type against the test types of the DefectDojo being written to (its
 * {@code /test_types/}, which holds every parser's scan type; inactive ones cannot be imported). A
 * name that differs only in case is taken in DefectDojo's spelling; otherwise the rejection suggests
 * close names.
 */
final class ScanTypes {
    private ScanTypes() {
    }

    static String canonical(DefectDojoClient dojo, String requested) {
        List<TestType> all = new ArrayList<>();
        dojo.forEach(Query.on(Resource.TEST_TYPES), 5000, TestType.class, all::add);
        for (TestType t : all) {
            if (requested.equals(t.name())) {
                StateRuleViolation.check(Boolean.FALSE.equals(t.active()), "scan_type",
                        "is inactive in this DefectDojo and cannot be imported");
                return t.name();
            }
        }
        List<TestType> caseInsensitive = all.stream().filter(t -> t.name() != null
                && t.name().equalsIgnoreCase(requested)).toList();
        if (caseInsensitive.size() == 1 && !Boolean.FALSE.equals(caseInsensitive.get(0).active())) {
            return caseInsensitive.get(0).name();
        }
        String lower = requested.toLowerCase(Locale.ROOT);
        List<String> close = all.stream().map(TestType::name).filter(n -> n != null)
                .sorted(Comparator.comparingInt((String n) -> distance(lower, n.toLowerCase(Locale.ROOT))))
                .limit(3).toList();
        throw new StateRuleViolation("scan_type", "is not a scan type of this DefectDojo (see list_test_types)"
                + (close.isEmpty() ? "" : "; closest: " + String.join(", ", close)));
    }

    /** Levenshtein distance, for suggestions only. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
