package dev.dojomcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.TestServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** finding_summary and risk_summary counts equal the sandbox's own counts for the same queries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryAgreementTest {
    private TestServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.generated(12000, 5, 3);
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void findingSummary_forAProduct_matchesSandboxCounts() {
        long product = servers.rest("products/?limit=1").path("results").get(0).path("id").asLong();
        String scope = "test__engagement__product=" + product;
        Map<String, Object> s = TestServers.structured(servers.call("finding_summary", Map.of("product_id", product)));
        assertThat(num(s.get("total"))).isEqualTo(servers.restCount(scope));
        assertThat(num(s.get("open"))).isEqualTo(servers.restCount(scope + "&active=true"));
        Map<String, Object> bySeverity = (Map<String, Object>) s.get("open_by_severity");
        for (String sev : List.of("Critical", "High", "Medium", "Low", "Info")) {
            assertThat(num(bySeverity.get(sev))).as(sev)
                    .isEqualTo(servers.restCount(scope + "&active=true&severity=" + sev));
        }
        Map<String, Object> byStatus = (Map<String, Object>) s.get("by_status");
        assertThat(num(byStatus.get("Verified"))).isEqualTo(servers.restCount(scope + "&active=true&verified=true"));
        assertThat(num(byStatus.get("Closed"))).isEqualTo(servers.restCount(scope + "&is_mitigated=true"));
        assertThat(num(byStatus.get("Risk Accepted"))).isEqualTo(servers.restCount(scope + "&risk_accepted=true"));
        assertThat(num(byStatus.get("False Positive")))
                .isEqualTo(servers.restCount(scope + "&active=false&duplicate=false&false_p=true"));
        assertThat(num(s.get("sla_breached"))).isEqualTo(servers.restCount(scope + "&outside_of_sla=1"));
        assertThat(num(s.get("open_known_exploited")))
                .isEqualTo(servers.restCount(scope + "&active=true&known_exploited=true"));
        for (Map<String, Object> c : (List<Map<String, Object>>) s.get("top_cwes")) {
            assertThat(num(c.get("count"))).isEqualTo(servers.restCount(scope + "&active=true&cwe=" + c.get("cwe")));
        }
        assertThat((List<?>) s.get("top_cwes")).isNotEmpty();
    }

    @Test
    void findingSummary_overEverything_usesCountsAndBoundedPaging() {
        long before = servers.sandbox().stats().totalRequests();
        Map<String, Object> s = TestServers.structured(servers.call("finding_summary", Map.of()));
        long requests = servers.sandbox().stats().totalRequests() - before;
        assertThat(num(s.get("total"))).isEqualTo(12000);
        assertThat(num(s.get("age_sample_size"))).isLessThanOrEqualTo(FindingSummaryCalculator.SAMPLE_LIMIT);
        assertThat(requests).isEqualTo(num(s.get("defectdojo_requests")));
        // 26 counts + at most 5 pages of 1000 + 5 exact CWE counts, however many findings exist.
        assertThat(requests).isLessThanOrEqualTo(36);
    }

    @Test
    @SuppressWarnings("unchecked")
    void riskSummary_ranksProducts_withCountsFromTheSandbox() {
        Map<String, Object> r = TestServers.structured(servers.call("risk_summary", Map.of("limit", 3)));
        List<Map<String, Object>> products = (List<Map<String, Object>>) r.get("products");
        assertThat(products).hasSize(3);
        assertThat(products).extracting(p -> ((Number) p.get("risk_score")).doubleValue())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        Map<String, Object> top = products.get(0);
        String scope = "test__engagement__product=" + top.get("product_id");
        assertThat(num(top.get("critical"))).isEqualTo(servers.restCount(scope + "&active=true&severity=Critical"));
        assertThat(num(top.get("open"))).isEqualTo(servers.restCount(scope + "&active=true"));
        assertThat(num(top.get("sla_breached"))).isEqualTo(servers.restCount(scope + "&outside_of_sla=1"));
    }
}
