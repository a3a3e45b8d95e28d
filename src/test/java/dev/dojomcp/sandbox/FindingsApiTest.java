package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FindingsApiTest {
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static SandboxServer server;
    static SandboxClient client;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 3000, 7)
                .withReadOnlyApiKey(SandboxClient.READ_ONLY_KEY), Clock.fixed(NOW, ZoneOffset.UTC));
        client = new SandboxClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void findings_listEnvelope_hasCountLinksResultsAndPrefetch() throws Exception {
        JsonNode page = client.json("/api/v2/findings/");
        assertThat(page.get("count").asInt()).isEqualTo(3000);
        assertThat(page.get("results").size()).isEqualTo(25);
        assertThat(page.get("previous").isNull()).isTrue();
        assertThat(page.get("next").asString()).isEqualTo(server.baseUrl() + "/api/v2/findings/?limit=25&offset=25");
        assertThat(page.get("prefetch").isObject()).isTrue();
    }

    @Test
    void pagination_nextUrlKeepsFilters() throws Exception {
        JsonNode page = client.json("/api/v2/findings/?severity=High&limit=5&offset=5&active=true");
        assertThat(page.get("next").asString())
                .isEqualTo(server.baseUrl() + "/api/v2/findings/?active=true&limit=5&offset=10&severity=High");
        assertThat(page.get("previous").asString())
                .isEqualTo(server.baseUrl() + "/api/v2/findings/?active=true&limit=5&severity=High");
    }

    @Test
    void pagination_invalidLimitFallsBackTo25() throws Exception {
        assertThat(client.json("/api/v2/findings/?limit=0").get("results").size()).isEqualTo(25);
        assertThat(client.json("/api/v2/findings/?limit=-3").get("results").size()).isEqualTo(25);
        assertThat(client.json("/api/v2/findings/?limit=abc&offset=xyz").get("results").size()).isEqualTo(25);
        assertThat(client.json("/api/v2/findings/?limit=1000").get("results").size()).isEqualTo(1000);
    }

    @Test
    void findings_unknownParameter_isIgnored() throws Exception {
        assertThat(client.count("status=Open&has_jira_issue=true")).isEqualTo(3000);
    }

    @Test
    void findings_invalidId_is400WithMessage() throws Exception {
        HttpResponse<String> r = client.get("/api/v2/findings/?id=abc");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = SandboxClient.parse(r);
        assertThat(body.get("id").get(0).asString()).isEqualTo("Enter a number.");
        assertThat(body.has("message")).isTrue();
    }

    @Test
    void findings_dateCodeZero_is400() throws Exception {
        assertThat(client.get("/api/v2/findings/?date=0").statusCode()).isEqualTo(400);
        assertThat(client.get("/api/v2/findings/?date=8").statusCode()).isEqualTo(400);
        assertThat(client.count("date=None")).isEqualTo(3000);
        assertThat(client.count("date=")).isEqualTo(3000);
    }

    @Test
    void findings_dateCodes_matchExplicitWindows() throws Exception {
        assertThat(client.count("date=1")).isEqualTo(client.count("discovered_on=" + TODAY));
        assertThat(client.count("date=2"))
                .isEqualTo(client.count("discovered_after=" + TODAY.minusDays(8) + "&discovered_before=" + TODAY.plusDays(1)));
        assertThat(client.count("date=3"))
                .isEqualTo(client.count("discovered_after=" + TODAY.minusDays(31) + "&discovered_before=" + TODAY.plusDays(1)));
        assertThat(client.count("date=5")).isEqualTo(client.count("discovered_after=2025-05-31&discovered_before=2025-07-01"));
        assertThat(client.count("date=7"))
                .isEqualTo(client.count("discovered_after=" + TODAY.minusDays(366) + "&discovered_before=" + TODAY.plusDays(1)));
        assertThat(client.count("date=3")).isGreaterThan(0).isLessThan(client.count("date=7"));
    }

    @Test
    void findings_booleanFilters_partitionTheSet() throws Exception {
        long active = client.count("active=true");
        long inactive = client.count("active=false");
        assertThat(active).isPositive();
        assertThat(inactive).isPositive();
        assertThat(active + inactive).isEqualTo(3000);
        assertThat(client.count("active=True")).isEqualTo(active);
        assertThat(client.count("active=1")).isEqualTo(active);
        assertThat(client.count("active=true&duplicate=true")).isZero();
        assertThat(client.count("active=true&is_mitigated=true")).isZero();
    }

    @Test
    void findings_severityFilter_isExactAndCaseSensitive() throws Exception {
        long high = client.count("severity=High");
        long critical = client.count("severity=Critical");
        assertThat(high).isPositive();
        assertThat(client.count("severity=high")).isZero();
        assertThat(client.count("severity=Critical,High")).isEqualTo(high + critical);
        assertThat(client.count("numerical_severity=S1")).isEqualTo(high);
        assertThat(critical).isLessThan(high);
    }

    @Test
    void findings_defaultOrder_isNumericalSeverityThenNewestDate() throws Exception {
        JsonNode results = client.json("/api/v2/findings/?limit=200").get("results");
        for (int i = 1; i < results.size(); i++) {
            JsonNode a = results.get(i - 1);
            JsonNode b = results.get(i);
            int cmp = a.get("numerical_severity").asString().compareTo(b.get("numerical_severity").asString());
            assertThat(cmp).isLessThanOrEqualTo(0);
            if (cmp == 0) {
                assertThat(a.get("date").asString().compareTo(b.get("date").asString())).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void findings_orderingParameter_sortsAndRejectsUnknownFields() throws Exception {
        JsonNode results = client.json("/api/v2/findings/?o=-id&limit=3").get("results");
        assertThat(results.get(0).get("id").asInt()).isEqualTo(3000);
        assertThat(results.get(1).get("id").asInt()).isEqualTo(2999);
        assertThat(client.get("/api/v2/findings/?o=mitigated").statusCode()).isEqualTo(400);
        JsonNode sla = client.json("/api/v2/findings/?outside_of_sla=1&o=sla_expiration_date&limit=50").get("results");
        for (int i = 1; i < sla.size(); i++) {
            assertThat(sla.get(i - 1).get("sla_expiration_date").asString())
                    .isLessThanOrEqualTo(sla.get(i).get("sla_expiration_date").asString());
        }
    }

    @Test
    void findings_outsideOfSla_onlyOpenBreachedFindings() throws Exception {
        JsonNode page = client.json("/api/v2/findings/?outside_of_sla=1&limit=500");
        assertThat(page.get("count").asInt()).isPositive();
        for (JsonNode f : page.get("results")) {
            assertThat(f.get("active").asBoolean()).isTrue();
            assertThat(f.get("sla_days_remaining").asInt()).isNegative();
        }
        assertThat(client.get("/api/v2/findings/?outside_of_sla=2").statusCode()).isEqualTo(400);
    }

    @Test
    void findings_epssFilterTakesPercent_jsonIsFraction() throws Exception {
        JsonNode page = client.json("/api/v2/findings/?epss_score_min=50&limit=100");
        assertThat(page.get("count").asInt()).isPositive();
        for (JsonNode f : page.get("results")) {
            assertThat(f.get("epss_score").asDouble()).isBetween(0.5, 1.0);
        }
        assertThat(client.count("epss_score_min=0")).isEqualTo(client.count("epss_score_max=100"));
    }

    @Test
    void findings_vulnerabilityIdAndKev_filters() throws Exception {
        JsonNode kev = client.json("/api/v2/findings/?known_exploited=true&limit=1").get("results").get(0);
        String cve = kev.get("vulnerability_ids").get(0).get("vulnerability_id").asString();
        assertThat(cve).startsWith("CVE-");
        JsonNode matches = client.json("/api/v2/findings/?vulnerability_id=" + cve + "&limit=1000").get("results");
        assertThat(matches.size()).isPositive();
        matches.forEach(f -> assertThat(f.get("vulnerability_ids").toString()).contains(cve));
    }

    @Test
    void findings_productAndHierarchyFilters_agree() throws Exception {
        JsonNode product = client.json("/api/v2/products/1/");
        String name = product.get("name").asString();
        long byId = client.count("test__engagement__product=1");
        assertThat(byId).isPositive();
        assertThat(client.count("product_name=" + name.toUpperCase().replace(" ", "%20"))).isEqualTo(byId);
        assertThat(client.count("test__engagement__product=1&active=true")).isEqualTo(product.get("findings_count").asLong());
        assertThat(client.get("/api/v2/findings/?test=999999").statusCode()).isEqualTo(400);
    }

    @Test
    void findings_tagFilters() throws Exception {
        long pci = client.count("tags=pci");
        long gdpr = client.count("tags=gdpr");
        long both = client.count("tags__and=pci,gdpr");
        assertThat(client.count("tags=pci,gdpr")).isEqualTo(pci + gdpr - both);
        assertThat(client.count("not_tags=pci")).isEqualTo(3000 - pci);
        assertThat(client.count("has_tags=false") + client.count("has_tags=true")).isEqualTo(3000);
        assertThat(client.count("tag=pc")).isEqualTo(pci);
    }

    @Test
    void finding_detail_hasComputedFields() throws Exception {
        JsonNode f = client.json("/api/v2/findings/1/");
        assertThat(f.get("id").asInt()).isEqualTo(1);
        assertThat(f.get("numerical_severity").asString()).matches("S[0-4]");
        assertThat(f.get("display_status").asString()).matches("(Under Review, )?(Active|Inactive).*");
        assertThat(f.get("found_by").isArray()).isTrue();
        assertThat(f.has("cwes")).isTrue();
        long expectedAge = TODAY.toEpochDay() - LocalDate.parse(f.get("date").asString()).toEpochDay();
        if (f.get("mitigated").isNull()) {
            assertThat(f.get("age").asLong()).isEqualTo(expectedAge);
        }
        assertThat(client.get("/api/v2/findings/999999/").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v2/findings/999999/").body()).isEqualTo("{\"detail\":\"Not found.\"}");
    }

    @Test
    void finding_notesAndTags_wrappers() throws Exception {
        JsonNode withNote = client.json("/api/v2/notes/?limit=1").get("results").get(0);
        int noteId = withNote.get("id").asInt();
        JsonNode finding = client.json("/api/v2/findings/?limit=1000&o=last_reviewed").get("results").get(0);
        JsonNode notes = client.json("/api/v2/findings/" + finding.get("id").asInt() + "/notes/");
        assertThat(notes.get("finding_id").asInt()).isEqualTo(finding.get("id").asInt());
        assertThat(notes.get("notes").isArray()).isTrue();
        assertThat(noteId).isPositive();
        assertThat(notes.get("notes").get(0).get("author").has("username")).isTrue();
        JsonNode tags = client.json("/api/v2/findings/1/tags/");
        assertThat(tags.get("tags").isArray()).isTrue();
    }

    @Test
    void auth_missingHeader_is403() throws Exception {
        HttpResponse<String> r = client.send("GET", "/api/v2/findings/", null, null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
    }

    @Test
    void auth_wrongKey_is403InvalidToken() throws Exception {
        HttpResponse<String> r = client.send("GET", "/api/v2/findings/", "nope", null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"detail\":\"Invalid token.\"}");
    }

    @Test
    void auth_readOnlyKey_canReadButNotWrite() throws Exception {
        assertThat(client.send("GET", "/api/v2/findings/", SandboxClient.READ_ONLY_KEY, null).statusCode()).isEqualTo(200);
        HttpResponse<String> post = client.send("POST", "/api/v2/findings/", SandboxClient.READ_ONLY_KEY, "{}");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).contains("You do not have permission to perform this action.");
        // Since the write milestone the admin key's POST is validated (400); unmodelled writes stay 405.
        assertThat(client.send("POST", "/api/v2/findings/", SandboxClient.ADMIN_KEY, "{}").statusCode())
                .isEqualTo(400);
        assertThat(client.send("DELETE", "/api/v2/findings/1/", SandboxClient.ADMIN_KEY, null).body())
                .isEqualTo("{\"detail\":\"Method \\\"DELETE\\\" not allowed.\"}");
    }

    @Test
    void schema_needsNoAuth() throws Exception {
        HttpResponse<String> r = client.send("GET", "/api/v2/oa3/schema/?format=json", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SandboxClient.parse(r).get("info").get("version").asString()).isEqualTo("3.2.0");
    }

    @Test
    void trailingSlash_getRedirects_otherMethods404() throws Exception {
        HttpResponse<String> r = client.get("/api/v2/findings?active=true");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue(server.baseUrl() + "/api/v2/findings/?active=true");
        assertThat(client.send("POST", "/api/v2/findings", SandboxClient.ADMIN_KEY, "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void root_v3_hasNoRbacPrefixes_andRbacEndpointsAre404() throws Exception {
        JsonNode root = client.json("/api/v2/");
        assertThat(root.has("findings")).isTrue();
        assertThat(root.has("location")).isTrue();
        assertThat(root.has("dojo_groups")).isFalse();
        assertThat(root.size()).isEqualTo(54);
        assertThat(client.get("/api/v2/roles/").statusCode()).isEqualTo(404);
    }

    @Test
    void userProfile_describesCaller() throws Exception {
        JsonNode profile = client.json("/api/v2/user_profile/");
        assertThat(profile.get("user").get("username").asString()).isEqualTo("admin");
        assertThat(profile.get("user").get("is_superuser").asBoolean()).isTrue();
        assertThat(profile.get("user_contact_info").isNull()).isTrue();
        JsonNode reader = SandboxClient.parse(client.send("GET", "/api/v2/user_profile/", SandboxClient.READ_ONLY_KEY, null));
        assertThat(reader.get("user").get("is_superuser").asBoolean()).isFalse();
    }

    @Test
    void otherResources_listAndFilter() throws Exception {
        assertThat(client.json("/api/v2/products/?name=portal").get("count").asInt()).isPositive();
        assertThat(client.get("/api/v2/products/?platform=spaceship").statusCode()).isEqualTo(400);
        JsonNode engagements = client.json("/api/v2/engagements/?product=1");
        assertThat(engagements.has("prefetch")).isFalse();
        engagements.get("results").forEach(e -> assertThat(e.get("product").asInt()).isEqualTo(1));
        JsonNode tests = client.json("/api/v2/tests/?scan_type=ZAP%20Scan");
        tests.get("results").forEach(t -> assertThat(t.get("test_type_name").asString()).isEqualTo("ZAP Scan"));
        assertThat(client.json("/api/v2/test_types/?name=Trivy%20Scan").get("count").asInt()).isEqualTo(1);
        assertThat(client.json("/api/v2/users/?o=-username").get("results").get(0).has("is_staff")).isTrue();
        assertThat(client.send("GET", "/api/v2/users/", SandboxClient.READ_ONLY_KEY, null).statusCode()).isEqualTo(403);
        assertThat(client.json("/api/v2/sla_configurations/1/").get("critical").asInt()).isEqualTo(7);
        assertThat(client.json("/api/v2/development_environments/").get("count").asInt()).isEqualTo(7);
        assertThat(client.json("/api/v2/product_types/").get("count").asInt()).isBetween(5, 8);
    }

    @Test
    void stats_countRequestsPerPath() throws Exception {
        long before = server.stats().requests("/api/v2/test_types/");
        client.get("/api/v2/test_types/");
        client.get("/api/v2/test_types/?name=x");
        assertThat(server.stats().requests("/api/v2/test_types/")).isEqualTo(before + 2);
        assertThat(server.stats().totalRequests()).isGreaterThanOrEqualTo(2);
    }
}
