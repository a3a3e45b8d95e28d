package dev.dojomcp.findings;

import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.tools.ToolInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds DefectDojo finding queries from tool arguments, using only filters DefectDojo applies. */
public final class FindingQueries {
    private FindingQueries() {
    }

    public static Query forInput(GetFindingsInput in) {
        Query q = Query.on(Resource.FINDINGS);
        if (in.severity() != null) {
            q.csv("severity", in.severity().stream().map(Enum::name).toList());
        }
        statusFilters(in.status()).forEach(q::set);
        scope(q, in.productId(), in.engagementId(), in.testId(), in.date(), in.tags(),
                mergeTags(in.tagsAnd(), in.tagsAndProSpelling()), in.notTags());
        q.csv("cwe", in.cwe());
        q.set("vulnerability_id", in.vulnerabilityId());
        q.set("epss_score_min", percent(in.epssScoreMin()));
        q.set("epss_score_max", percent(in.epssScoreMax()));
        q.set("known_exploited", in.knownExploited());
        if (in.outsideOfSla() != null) {
            q.set("outside_of_sla", in.outsideOfSla() ? 1 : 0);
        }
        q.set("discovered_after", in.discoveredAfter());
        q.set("discovered_before", in.discoveredBefore());
        q.set("component_name", in.componentName());
        q.set("title", in.title() != null ? in.title() : in.search());
        q.set("o", FindingOrder.toDojo(in.orderBy()));
        return q;
    }

    /** Product, engagement, test, date bucket and tag scope shared by get_findings and the summaries. */
    public static Query scope(Query q, Long productId, Long engagementId, Long testId, List<DateBucket> date,
            List<String> tags, List<String> tagsAnd, List<String> notTags) {
        q.set("test__engagement__product", productId);
        q.set("test__engagement", engagementId);
        q.set("test", testId);
        if (date != null && !date.isEmpty()) {
            q.set("date", date.get(0).code());
        }
        q.csv("tags", tags);
        q.csv("tags__and", tagsAnd);
        q.csv("not_tags", notTags);
        return q;
    }

    /**
     * Several statuses combine with AND: their filters are merged, and two statuses that require
     * opposite values of the same flag (Open and Closed, say) are refused rather than sent.
     */
    public static Map<String, String> statusFilters(List<FindingStatus> statuses) {
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, FindingStatus> setBy = new LinkedHashMap<>();
        if (statuses == null) {
            return merged;
        }
        for (FindingStatus s : statuses) {
            for (Map.Entry<String, String> e : s.filters().entrySet()) {
                String previous = merged.putIfAbsent(e.getKey(), e.getValue());
                if (previous != null && !previous.equals(e.getValue())) {
                    throw new ToolInputException("status", "'" + setBy.get(e.getKey()).label() + "' and '"
                            + s.label() + "' contradict each other (status values combine with AND)");
                }
                setBy.putIfAbsent(e.getKey(), s);
            }
        }
        return merged;
    }

    static List<String> mergeTags(List<String> a, List<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        List<String> out = new ArrayList<>(a);
        b.stream().filter(t -> !out.contains(t)).forEach(out::add);
        return out;
    }

    /** DefectDojo's EPSS filters take percent (0-100) while findings carry a fraction (0-1). */
    static String percent(Double fraction) {
        if (fraction == null) {
            return null;
        }
        return BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
    }
}
