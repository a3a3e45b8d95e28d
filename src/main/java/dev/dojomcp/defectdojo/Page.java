package dev.dojomcp.defectdojo;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of a DefectDojo list. {@code next} is recomputed from offsets rather than taken from
 * DefectDojo's absolute URL, which may name an internal host behind a proxy.
 */
public record Page<T>(long count, int limit, int offset, List<T> results, List<JsonNode> raw) {
    public boolean hasMore() {
        return offset + results.size() < count;
    }

    public Integer nextOffset() {
        return hasMore() ? offset + results.size() : null;
    }
}
