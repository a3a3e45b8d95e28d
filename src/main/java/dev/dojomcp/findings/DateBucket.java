package dev.dojomcp.findings;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Pro server's discovery-date buckets, which are DefectDojo's {@code DateRangeFilter} choices.
 * DefectDojo has codes 1–7 only; "Any date" is expressed by leaving the filter out.
 */
public enum DateBucket {
    @JsonProperty("0 - Any date") ANY(null),
    @JsonProperty("1 - Today") TODAY(1),
    @JsonProperty("2 - Past 7 days") PAST_7_DAYS(2),
    @JsonProperty("3 - Past 30 days") PAST_30_DAYS(3),
    @JsonProperty("4 - Past 90 days") PAST_90_DAYS(4),
    @JsonProperty("5 - Current month") CURRENT_MONTH(5),
    @JsonProperty("6 - Current year") CURRENT_YEAR(6),
    @JsonProperty("7 - Past year") PAST_YEAR(7);

    private final Integer code;

    DateBucket(Integer code) {
        this.code = code;
    }

    /** The {@code date=} code to send, or {@code null} for any date. */
    public Integer code() {
        return code;
    }

    public String label() {
        return dev.dojomcp.tools.JsonNames.of(this);
    }
}
