package dev.dojomcp.analytics;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.TextRendering;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RiskSummary(
        @JsonPropertyDescription("How risk_score is computed") String scoring,
        @JsonPropertyDescription("Products in DefectDojo visible to this key") long productsTotal,
        @JsonPropertyDescription("Products ranked, highest risk first") List<ProductRisk> products,
        int defectdojoRequests) implements TextRendering {

    public static final String SCORING = "risk_score = 10*critical + 5*high + 2*medium + 1*low "
            + "+ 10*known_exploited + 2*sla_breached, over active findings";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProductRisk(long productId, String name, long open, long critical, long high, long medium,
            long low, long knownExploited, long slaBreached, double riskScore) {
    }

    @Override
    public String asText() {
        StringBuilder sb = new StringBuilder("Products by risk (" + SCORING + "):");
        for (ProductRisk p : products) {
            sb.append(String.format(Locale.ROOT,
                    "%n- #%d %s: score %.0f; open %d (C %d, H %d, M %d, L %d); KEV %d; SLA breached %d",
                    p.productId(), p.name(), p.riskScore(), p.open(), p.critical(), p.high(), p.medium(), p.low(),
                    p.knownExploited(), p.slaBreached()));
        }
        return sb.toString();
    }
}
