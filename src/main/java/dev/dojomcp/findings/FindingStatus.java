package dev.dojomcp.findings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Pro server's status vocabulary, translated into the boolean filters DefectDojo's own UI
 * applies for each value ({@code FindingStatusFilter} and the query constants in
 * {@code dojo/finding/helper.py}). DefectDojo's REST API has no {@code status} parameter.
 */
public enum FindingStatus {
    @JsonProperty("Any") ANY(),
    @JsonProperty("Active") ACTIVE("active", "true"),
    @JsonProperty("Open") OPEN("active", "true"),
    @JsonProperty("Verified") VERIFIED("active", "true", "verified", "true"),
    @JsonProperty("Out of Scope") OUT_OF_SCOPE("active", "false", "out_of_scope", "true"),
    @JsonProperty("False Positive") FALSE_POSITIVE("active", "false", "duplicate", "false", "false_p", "true"),
    @JsonProperty("Inactive") INACTIVE("active", "false", "duplicate", "false", "is_mitigated", "false",
            "false_p", "false", "out_of_scope", "false"),
    @JsonProperty("Risk Accepted") RISK_ACCEPTED("risk_accepted", "true"),
    @JsonProperty("Closed") CLOSED("is_mitigated", "true"),
    @JsonProperty("Under Review") UNDER_REVIEW("under_review", "true");

    private final Map<String, String> filters = new LinkedHashMap<>();

    FindingStatus(String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            filters.put(pairs[i], pairs[i + 1]);
        }
    }

    /** DefectDojo query parameters this status sets (empty for Any). */
    public Map<String, String> filters() {
        return java.util.Collections.unmodifiableMap(filters);
    }

    public String label() {
        return dev.dojomcp.tools.JsonNames.of(this);
    }
}
