package dev.dojomcp.sandbox;

import java.util.Comparator;

/** Finding orderings: the model's Meta.ordering and the {@code o} values of ApiFindingFilter (§5.1). */
final class FindingOrdering {
    private FindingOrdering() {
    }

    private static long epss(int value) {
        return value == FindingRecord.NO_EPSS ? Long.MAX_VALUE : value;
    }

    /** numerical_severity, -date, title, epss_score, epss_percentile — then id for a stable order. */
    static final Comparator<FindingRecord> DEFAULT = Comparator.<FindingRecord>comparingInt(f -> f.severity)
            .thenComparing(Comparator.<FindingRecord>comparingInt(f -> f.date).reversed())
            .thenComparing(f -> f.title, Comparator.nullsLast(Ordering.TEXT))
            .thenComparingLong(f -> epss(f.epssScore))
            .thenComparingLong(f -> epss(f.epssPercentile))
            .thenComparingInt(f -> f.id);

    static Ordering<FindingRecord> create(SandboxStore store) {
        Ordering<FindingRecord> o = new Ordering<>(DEFAULT, Comparator.comparingInt(f -> f.id));
        o.bool("active", f -> f.is(FindingRecord.ACTIVE))
                .text("component_name", f -> f.componentName)
                .text("component_version", f -> f.componentVersion)
                .number("created", f -> f.created, FindingRecord.NO_TIME)
                .number("last_status_update", f -> f.lastStatusUpdate, FindingRecord.NO_TIME)
                .number("last_reviewed", f -> f.lastReviewed, FindingRecord.NO_TIME)
                .number("cwe", f -> f.cwe)
                .number("date", f -> f.date, FindingRecord.NO_DAY)
                .bool("duplicate", f -> f.is(FindingRecord.DUPLICATE))
                .bool("dynamic_finding", f -> f.is(FindingRecord.DYNAMIC_FINDING))
                .bool("false_p", f -> f.is(FindingRecord.FALSE_P))
                .number("found_by", f -> f.foundBy.length == 0 ? Long.MAX_VALUE : f.foundBy[0])
                .number("id", f -> f.id)
                .bool("is_mitigated", f -> f.is(FindingRecord.IS_MITIGATED))
                .number("numerical_severity", f -> f.severity)
                .bool("out_of_scope", f -> f.is(FindingRecord.OUT_OF_SCOPE))
                .number("planned_remediation_date", f -> f.plannedRemediationDate, FindingRecord.NO_DAY)
                .text("severity", f -> f.severity().label)
                .number("sla_expiration_date", f -> f.slaExpirationDate, FindingRecord.NO_DAY)
                .number("reviewers", f -> f.reviewers.length == 0 ? Long.MAX_VALUE : f.reviewers[0])
                .bool("static_finding", f -> f.is(FindingRecord.STATIC_FINDING))
                .text("test__engagement__product__name", f -> {
                    ProductRecord p = store.productOfFinding(f);
                    return p == null ? null : p.name();
                })
                .text("title", f -> f.title)
                .bool("under_defect_review", f -> f.is(FindingRecord.UNDER_DEFECT_REVIEW))
                .bool("under_review", f -> f.is(FindingRecord.UNDER_REVIEW))
                .bool("verified", f -> f.is(FindingRecord.VERIFIED));
        return o;
    }
}
