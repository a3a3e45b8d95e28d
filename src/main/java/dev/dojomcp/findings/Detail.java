package dev.dojomcp.findings;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How much of each finding to return. */
public enum Detail {
    @JsonProperty("summary") SUMMARY,
    @JsonProperty("full") FULL
}
