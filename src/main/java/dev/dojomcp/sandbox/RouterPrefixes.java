package dev.dojomcp.sandbox;

import java.util.List;
import java.util.TreeSet;

/** Router prefixes advertised by {@code GET /api/v2/} (§4, §9). */
final class RouterPrefixes {
    private RouterPrefixes() {
    }

    /** The 54 prefixes of 3.2.0 with default settings. */
    static final List<String> V3 = List.of(
            "announcements", "asset_api_scan_configurations", "assets", "celery", "cicd_infrastructure",
            "configuration_permissions", "development_environments", "endpoint_meta_import", "endpoint_status",
            "endpoints", "engagement_presets", "engagements", "finding_templates", "findings", "import-languages",
            "import-scan", "jira_configurations", "jira_finding_mappings", "jira_instances",
            "jira_product_configurations", "jira_projects", "language_types", "languages", "location",
            "location_findings", "location_products", "metadata", "network_locations", "note_type", "notes",
            "notification_webhooks", "notifications", "organizations", "product_api_scan_configurations",
            "product_types", "products", "regulations", "reimport-scan", "request_response_pairs",
            "risk_acceptance", "sla_configurations", "sonarqube_issues", "sonarqube_transitions", "system_settings",
            "technologies", "test_imports", "test_types", "tests", "tool_configurations", "tool_product_settings",
            "tool_types", "url", "user_contact_infos", "users");

    private static final List<String> V3_ONLY = List.of(
            "cicd_infrastructure", "location", "location_findings", "location_products", "url");

    private static final List<String> V2_ONLY = List.of(
            "dojo_groups", "dojo_group_members", "roles", "global_roles", "product_members", "product_groups",
            "product_type_members", "product_type_groups", "asset_members", "asset_groups", "organization_members",
            "organization_groups", "credentials", "credential_mappings", "stub_findings", "questionnaire_answers",
            "questionnaire_answered_questionnaires", "questionnaire_engagement_questionnaires",
            "questionnaire_general_questionnaires", "questionnaire_questions");

    /** The 69 prefixes of 2.58.x with default settings. */
    static final List<String> V2;

    static {
        TreeSet<String> v2 = new TreeSet<>(V3);
        v2.removeAll(V3_ONLY);
        v2.addAll(V2_ONLY);
        V2 = List.copyOf(v2);
    }

    static List<String> forVersion(int dojoVersion) {
        return dojoVersion >= 3 ? V3 : V2;
    }
}
