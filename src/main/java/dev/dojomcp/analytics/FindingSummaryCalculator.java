package dev.dojomcp.analytics;

import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.defectdojo.model.Finding;
import dev.dojomcp.findings.FindingQueries;
import dev.dojomcp.findings.FindingStatus;
import dev.dojomcp.findings.Severity;
import dev.dojomcp.tools.ToolContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Computes a finding summary from DefectDojo count queries ({@code limit=1}, read {@code count}),
 * run concurrently. Only the average age and the CWE ranking need finding rows: those page through
 * at most {@link #SAMPLE_LIMIT} active findings (newest first), and the top CWEs are then counted
 * exactly.
 */
final class FindingSummaryCalculator {
    static final int SAMPLE_LIMIT = 5000;
    static final int TOP_CWES = 5;
    private static final List<FindingStatus> STATUSES = List.of(FindingStatus.ACTIVE, FindingStatus.VERIFIED,
            FindingStatus.CLOSED, FindingStatus.FALSE_POSITIVE, FindingStatus.OUT_OF_SCOPE,
            FindingStatus.RISK_ACCEPTED, FindingStatus.UNDER_REVIEW, FindingStatus.INACTIVE);

    private final ToolContext ctx;
    private final CountedDojo dojo;

    FindingSummaryCalculator(ToolContext ctx) {
        this.ctx = ctx;
        this.dojo = new CountedDojo(ctx.dojo());
    }

    FindingSummary summarise(FindingSummaryInput in) {
        List<String> tagsAnd = in.tagsAnd() != null ? in.tagsAnd() : in.tagsAndProSpelling();
        Query scope = FindingQueries.scope(Query.on(Resource.FINDINGS), in.productId(), in.engagementId(), null,
                in.date(), in.tags(), tagsAnd, in.notTags());

        List<Callable<Long>> counts = new ArrayList<>();
        counts.add(dojo.count(scope));
        counts.add(dojo.count(scope.copy().set("active", true)));
        for (Severity s : Severity.values()) {
            counts.add(dojo.count(scope.copy().set("active", true).set("severity", s.name())));
        }
        for (FindingStatus status : STATUSES) {
            Query q = scope.copy();
            status.filters().forEach(q::set);
            counts.add(dojo.count(q));
        }
        counts.add(dojo.count(scope.copy().set("outside_of_sla", 1)));
        for (Severity s : Severity.values()) {
            counts.add(dojo.count(scope.copy().set("outside_of_sla", 1).set("severity", s.name())));
        }
        counts.add(dojo.count(scope.copy().set("active", true).set("known_exploited", true)));
        List<Long> results = ctx.all(counts);

        int i = 0;
        long total = results.get(i++);
        long open = results.get(i++);
        Map<String, Long> openBySeverity = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            openBySeverity.put(s.name(), results.get(i++));
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (FindingStatus status : STATUSES) {
            byStatus.put(status.label(), results.get(i++));
        }
        long slaBreached = results.get(i++);
        Map<String, Long> slaBySeverity = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            slaBySeverity.put(s.name(), results.get(i++));
        }
        long kev = results.get(i);

        Sample sample = sampleOpen(scope, open);
        List<FindingSummary.CweCount> topCwes = exactTopCwes(scope, sample.cweTally());
        Map<String, String> scopeView = new LinkedHashMap<>();
        scope.parameters().forEach((k, v) -> scopeView.put(k, String.join(",", v)));
        return new FindingSummary(scopeView, total, open, openBySeverity, byStatus, slaBreached, slaBySeverity, kev,
                sample.averageAge(), sample.size(), sample.size() >= open, topCwes, dojo.requests());
    }

    private record Sample(long size, Double averageAge, Map<Integer, Long> cweTally) {
    }

    private Sample sampleOpen(Query scope, long open) {
        if (open == 0) {
            return new Sample(0, null, Map.of());
        }
        Query q = scope.copy().set("active", true).set("o", "-date");
        Map<Integer, Long> tally = new HashMap<>();
        long[] ageSum = {0};
        long[] seen = {0};
        dojo.forEach(q, SAMPLE_LIMIT, Finding.class, f -> {
            seen[0]++;
            if (f.age() != null) {
                ageSum[0] += f.age();
            }
            if (f.cwe() != null && f.cwe() > 0) {
                tally.merge(f.cwe(), 1L, Long::sum);
            }
        });
        Double avg = seen[0] == 0 ? null : Math.round(ageSum[0] * 10.0 / seen[0]) / 10.0;
        return new Sample(seen[0], avg, tally);
    }

    private List<FindingSummary.CweCount> exactTopCwes(Query scope, Map<Integer, Long> tally) {
        List<Integer> top = tally.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_CWES).map(Map.Entry::getKey).toList();
        List<Callable<Long>> counts = new ArrayList<>();
        for (Integer cwe : top) {
            counts.add(dojo.count(scope.copy().set("active", true).set("cwe", cwe)));
        }
        List<Long> exact = ctx.all(counts);
        List<FindingSummary.CweCount> out = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            out.add(new FindingSummary.CweCount(top.get(i), exact.get(i)));
        }
        out.sort(Comparator.comparingLong(FindingSummary.CweCount::count).reversed()
                .thenComparingInt(FindingSummary.CweCount::cwe));
        return out;
    }
}
