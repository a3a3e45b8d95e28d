package dev.dojomcp.analytics;

import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.defectdojo.model.Product;
import dev.dojomcp.tools.Args;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.ToolContext;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** Summaries computed on the server from DefectDojo count queries. */
public final class AnalyticsTools {
    static final int MAX_PRODUCTS_SCANNED = 2000;

    private AnalyticsTools() {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(findingSummary(), riskSummary());
    }

    static ToolSpec<FindingSummaryInput, FindingSummary> findingSummary() {
        return ToolSpec.named("finding_summary", FindingSummaryInput.class)
                .title("Summarise findings")
                .description("Counts for a scope (product, engagement, discovery-date bucket, tags; none = every "
                        + "finding): total and open, open by severity, by status, SLA breaches by severity, open "
                        + "CISA KEV findings, average open age and the top CWEs. Computed from DefectDojo count "
                        + "queries, without downloading every finding.")
                .permission(PermissionGroup.METADATA_READ)
                .toolset(Toolset.ANALYTICS)
                .handler(FindingSummary.class, (ctx, in) -> new FindingSummaryCalculator(ctx).summarise(in));
    }

    static ToolSpec<RiskSummaryInput, RiskSummary> riskSummary() {
        return ToolSpec.named("risk_summary", RiskSummaryInput.class)
                .title("Rank products by risk")
                .description("Risk per product from its active findings: counts by severity, CISA KEV and SLA "
                        + "breaches, and a documented risk score (" + RiskSummary.SCORING + "). With product_id, "
                        + "one product; without, the products with the most active findings, highest score first.")
                .permission(PermissionGroup.METADATA_READ)
                .toolset(Toolset.ANALYTICS)
                .handler(RiskSummary.class, AnalyticsTools::rankProducts);
    }

    private static RiskSummary rankProducts(ToolContext ctx, RiskSummaryInput in) {
        CountedDojo dojo = new CountedDojo(ctx.dojo());
        List<Product> candidates = new ArrayList<>();
        long productsTotal;
        if (in.productId() != null) {
            candidates.add(dojo.get(Resource.PRODUCTS, in.productId(), Product.class));
            productsTotal = 1;
        } else {
            List<Product> all = new ArrayList<>();
            productsTotal = dojo.forEach(Query.on(Resource.PRODUCTS), MAX_PRODUCTS_SCANNED, Product.class, all::add);
            all.sort(Comparator.comparingInt((Product p) -> p.findingsCount() == null ? 0 : p.findingsCount())
                    .reversed().thenComparingLong(Product::id));
            candidates.addAll(all.subList(0, Math.min(all.size(), Args.orDefault(in.limit(), 10))));
        }
        List<Callable<Long>> counts = new ArrayList<>();
        for (Product p : candidates) {
            Query base = Query.on(Resource.FINDINGS).set("test__engagement__product", p.id());
            counts.add(dojo.count(base.copy().set("active", true)));
            for (String sev : List.of("Critical", "High", "Medium", "Low")) {
                counts.add(dojo.count(base.copy().set("active", true).set("severity", sev)));
            }
            counts.add(dojo.count(base.copy().set("active", true).set("known_exploited", true)));
            counts.add(dojo.count(base.copy().set("outside_of_sla", 1)));
        }
        List<Long> r = ctx.all(counts);
        List<RiskSummary.ProductRisk> ranked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Product p = candidates.get(i);
            int o = i * 7;
            long crit = r.get(o + 1);
            long high = r.get(o + 2);
            long med = r.get(o + 3);
            long low = r.get(o + 4);
            long kev = r.get(o + 5);
            long sla = r.get(o + 6);
            double score = 10.0 * crit + 5.0 * high + 2.0 * med + low + 10.0 * kev + 2.0 * sla;
            ranked.add(new RiskSummary.ProductRisk(p.id(), p.name(), r.get(o), crit, high, med, low, kev, sla, score));
        }
        ranked.sort(Comparator.comparingDouble(RiskSummary.ProductRisk::riskScore).reversed()
                .thenComparingLong(RiskSummary.ProductRisk::productId));
        return new RiskSummary(RiskSummary.SCORING, productsTotal, ranked, dojo.requests());
    }
}
