package dev.dojomcp.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.TestServers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * get_findings agrees with the sandbox's own REST answer for the equivalent DefectDojo query, for
 * random combinations of filters. The expected query is written out here independently of
 * {@link FindingQueries}, following defectdojo-api.md §14.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetFindingsAgreementTest {
    private static final Map<String, String> STATUS = Map.of(
            "Active", "active=true", "Open", "active=true", "Verified", "active=true&verified=true",
            "Out of Scope", "active=false&out_of_scope=true",
            "False Positive", "active=false&duplicate=false&false_p=true",
            "Inactive", "active=false&duplicate=false&is_mitigated=false&false_p=false&out_of_scope=false",
            "Risk Accepted", "risk_accepted=true", "Closed", "is_mitigated=true", "Under Review", "under_review=true",
            "Any", "");
    /** A fixed order: Map.of iterates in a different order in every JVM, which would change the combinations. */
    private static final List<String> STATUS_NAMES = List.of("Any", "Active", "Open", "Verified", "Out of Scope",
            "False Positive", "Inactive", "Risk Accepted", "Closed", "Under Review");
    private static final List<String> SEVERITIES = List.of("Critical", "High", "Medium", "Low", "Info");
    private static final List<String> DATES = List.of("0 - Any date", "1 - Today", "2 - Past 7 days",
            "3 - Past 30 days", "4 - Past 90 days", "5 - Current month", "6 - Current year", "7 - Past year");
    private TestServers servers;
    private final java.util.concurrent.atomic.AtomicInteger nonEmpty = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.generated(3000, 11, 3);
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    @TestFactory
    Stream<DynamicTest> everyStatus_and_everyDateBucket_agreeWithTheSandbox() {
        List<DynamicTest> tests = new ArrayList<>();
        STATUS.forEach((status, query) -> tests.add(DynamicTest.dynamicTest("status " + status,
                () -> agree(Map.of("status", List.of(status)), query))));
        for (String d : DATES) {
            String code = d.substring(0, 1);
            tests.add(DynamicTest.dynamicTest("date " + d,
                    () -> agree(Map.of("date", List.of(d)), code.equals("0") ? "" : "date=" + code)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> randomFilterCombinations_agreeWithTheSandbox() {
        Random random = new Random(20261121);
        JsonNode products = servers.rest("products/?limit=5");
        List<Long> productIds = new ArrayList<>();
        products.path("results").forEach(p -> productIds.add(p.path("id").asLong()));
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> args = new LinkedHashMap<>();
            List<String> q = new ArrayList<>();
            if (random.nextBoolean()) {
                List<String> sev = SEVERITIES.stream().filter(s -> random.nextInt(3) == 0).toList();
                if (!sev.isEmpty()) {
                    args.put("severity", sev);
                    q.add("severity=" + String.join(",", sev));
                }
            }
            if (random.nextBoolean()) {
                String status = STATUS_NAMES.get(random.nextInt(STATUS_NAMES.size()));
                args.put("status", List.of(status));
                if (!STATUS.get(status).isEmpty()) {
                    q.add(STATUS.get(status));
                }
            }
            if (random.nextInt(3) == 0) {
                String d = DATES.get(1 + random.nextInt(7));
                args.put("date", List.of(d));
                q.add("date=" + d.charAt(0));
            }
            if (random.nextInt(3) == 0 && !productIds.isEmpty()) {
                long p = productIds.get(random.nextInt(productIds.size()));
                args.put("product_id", p);
                q.add("test__engagement__product=" + p);
            }
            if (random.nextInt(4) == 0) {
                args.put("known_exploited", true);
                q.add("known_exploited=true");
            }
            if (random.nextInt(4) == 0) {
                boolean v = random.nextBoolean();
                args.put("outside_of_sla", v);
                q.add("outside_of_sla=" + (v ? 1 : 0));
            }
            if (random.nextInt(4) == 0) {
                args.put("epss_score_min", 0.25);
                q.add("epss_score_min=25");
            }
            if (random.nextInt(4) == 0) {
                args.put("cwe", List.of(79, 89));
                q.add("cwe=79,89");
            }
            List<String> tags = List.of("pci", "gdpr", "internet-facing", "backend", "legacy", "auth");
            if (random.nextInt(4) == 0) {
                String t = tags.get(random.nextInt(tags.size()));
                args.put("tags", List.of(t.toUpperCase(java.util.Locale.ROOT)));
                q.add("tags=" + t);
            }
            if (random.nextInt(6) == 0) {
                List<String> both = List.of(tags.get(random.nextInt(3)), tags.get(3 + random.nextInt(3)));
                args.put("tags_and", both);
                q.add("tags__and=" + String.join(",", both));
            }
            if (random.nextInt(5) == 0) {
                String t = tags.get(random.nextInt(tags.size()));
                args.put("not_tags", List.of(t));
                q.add("not_tags=" + t);
            }
            if (random.nextInt(5) == 0) {
                String after = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30 + random.nextInt(300))
                        .toString();
                args.put("discovered_after", after);
                q.add("discovered_after=" + after);
            }
            if (random.nextInt(6) == 0) {
                String before = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(random.nextInt(200))
                        .toString();
                args.put("discovered_before", before);
                q.add("discovered_before=" + before);
            }
            if (random.nextInt(6) == 0) {
                String c = List.of("log4j", "JACKSON", "lodash", "requests").get(random.nextInt(4));
                args.put("component_name", c);
                q.add("component_name=" + c);
            }
            if (random.nextInt(6) == 0) {
                String t = List.of("injection", "Cross", "secret", "TLS").get(random.nextInt(4));
                if (random.nextBoolean()) {
                    args.put("title", t);
                } else {
                    args.put("search", t);
                }
                q.add("title=" + t);
            }
            if (random.nextInt(6) == 0 && !args.containsKey("epss_score_min")) {
                args.put("epss_score_max", 0.1);
                q.add("epss_score_max=10");
            }
            if (random.nextInt(5) == 0) {
                String order = List.of("-date", "severity", "-severity,title", "cwe", "sla_expiration_date")
                        .get(random.nextInt(5));
                args.put("order_by", order);
                q.add("o=" + order.replace("severity", "numerical_severity"));
            }
            String expected = String.join("&", q);
            tests.add(DynamicTest.dynamicTest(args.toString(), () -> {
                if (agree(args, expected) > 0) {
                    nonEmpty.incrementAndGet();
                }
            }));
        }
        // Agreement on empty results proves little: most combinations must match something.
        tests.add(DynamicTest.dynamicTest("most combinations are non-empty",
                () -> assertThat(nonEmpty.get()).as("non-empty combinations").isGreaterThanOrEqualTo(30)));
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private long agree(Map<String, Object> args, String dojoQuery) {
        Map<String, Object> withPage = new LinkedHashMap<>(args);
        withPage.put("limit", 50);
        Map<String, Object> result = TestServers.structured(servers.call("get_findings", withPage));
        JsonNode rest = servers.rest("findings/?" + (dojoQuery.isEmpty() ? "" : dojoQuery + "&") + "limit=50");
        assertThat(((Number) result.get("count")).longValue()).isEqualTo(rest.path("count").asLong());
        List<Long> restIds = new ArrayList<>();
        rest.path("results").forEach(f -> restIds.add(f.path("id").asLong()));
        List<Long> toolIds = ((List<Map<String, Object>>) result.get("results")).stream()
                .map(f -> ((Number) f.get("id")).longValue()).toList();
        assertThat(toolIds).isEqualTo(restIds);
        return rest.path("count").asLong();
    }
}
