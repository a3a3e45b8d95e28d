package dev.dojomcp.defectdojo;

import java.util.Set;

/**
 * The DefectDojo collections this server reads, each with the query parameters it may send.
 * DefectDojo ignores unknown query parameters silently (returning the unfiltered list), so every
 * parameter must be listed here; {@link Query} refuses anything else.
 */
public enum Resource {
    FINDINGS("findings", Set.of(
            "id", "active", "verified", "false_p", "duplicate", "out_of_scope", "is_mitigated", "risk_accepted",
            "under_review", "known_exploited", "severity", "cwe", "test", "test__engagement",
            "test__engagement__product", "test__engagement__product__prod_type", "vulnerability_id", "title",
            "component_name", "tags", "tags__and", "not_tags", "epss_score_min", "epss_score_max",
            "outside_of_sla", "discovered_after", "discovered_before", "date", "o")),
    PRODUCTS("products", Set.of(
            "id", "name", "name_exact", "prod_type", "business_criticality", "platform", "lifecycle", "origin",
            "external_audience", "internet_accessible", "tags", "tags__and", "not_tags", "o")),
    PRODUCT_TYPES("product_types", Set.of("id", "name", "critical_product", "key_product")),
    ENGAGEMENTS("engagements", Set.of("id", "product", "product__prod_type", "name", "status", "active", "tags",
            "o")),
    TESTS("tests", Set.of("id", "engagement", "test_type", "title", "scan_type", "tags", "o")),
    TEST_TYPES("test_types", Set.of("id", "name", "active")),
    RISK_ACCEPTANCE("risk_acceptance", Set.of("id", "name", "owner", "accepted_findings")),
    USERS("users", Set.of("id", "username", "first_name", "last_name", "email", "is_active", "is_superuser", "o")),
    DOJO_GROUPS("dojo_groups", Set.of("id", "name")),
    DOJO_GROUP_MEMBERS("dojo_group_members", Set.of("id", "group_id", "user_id")),
    ROLES("roles", Set.of("id", "name"));

    private final String path;
    private final Set<String> filters;

    Resource(String path, Set<String> filters) {
        this.path = path;
        this.filters = filters;
    }

    /** Router prefix, as listed by {@code GET /api/v2/}. */
    public String path() {
        return path;
    }

    public boolean accepts(String parameter) {
        return filters.contains(parameter);
    }
}
