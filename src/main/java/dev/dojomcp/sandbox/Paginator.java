package dev.dojomcp.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DRF LimitOffsetPagination with PAGE_SIZE 25 and no max_limit. Links are rebuilt like DRF's
 * replace_query_param: the query is re-encoded with keys sorted and limit/offset replaced.
 */
final class Paginator {
    static final int DEFAULT_LIMIT = 25;

    final int limit;
    final int offset;

    private Paginator(int limit, int offset) {
        this.limit = limit;
        this.offset = offset;
    }

    static Paginator of(QueryParams query) {
        int limit = positiveInt(query.first("limit"), true, DEFAULT_LIMIT);
        int offset = positiveInt(query.first("offset"), false, 0);
        return new Paginator(limit, offset);
    }

    private static int positiveInt(String text, boolean strict, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0 || (strict && value == 0)) {
                return fallback;
            }
            return (int) Math.min(value, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    ObjectNode envelope(ApiRequest request, long count, ArrayNode results, boolean prefetchEnabled) {
        ObjectNode node = Json.object();
        node.put("count", count);
        Json.text(node, "next", offset + (long) limit < count ? link(request, offset + limit) : null);
        String previous = null;
        if (offset > 0) {
            previous = offset - limit <= 0 ? link(request, -1) : link(request, offset - limit);
        }
        Json.text(node, "previous", previous);
        node.set("results", results);
        if (prefetchEnabled) {
            node.putObject("prefetch");
        }
        return node;
    }

    private String link(ApiRequest request, int newOffset) {
        Map<String, List<String>> params = new TreeMap<>();
        request.query().asMap().forEach((k, v) -> params.put(k, new ArrayList<>(v)));
        params.put("limit", List.of(String.valueOf(limit)));
        if (newOffset < 0) {
            params.remove("offset");
        } else {
            params.put("offset", List.of(String.valueOf(newOffset)));
        }
        StringBuilder query = new StringBuilder();
        params.forEach((k, values) -> values.forEach(v -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }));
        return request.absolute(request.path()) + "?" + query;
    }
}
