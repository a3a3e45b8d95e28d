package dev.dojomcp.defectdojo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Query parameters for one collection, restricted to the parameters DefectDojo really applies. */
public final class Query {
    private final Resource resource;
    private final Map<String, List<String>> params = new LinkedHashMap<>();

    private Query(Resource resource) {
        this.resource = resource;
    }

    public static Query on(Resource resource) {
        return new Query(resource);
    }

    public Resource resource() {
        return resource;
    }

    /** Sets a single-valued parameter; {@code null} leaves it out. */
    public Query set(String name, Object value) {
        check(name);
        if (value != null) {
            params.put(name, List.of(String.valueOf(value)));
        }
        return this;
    }

    /** A comma-separated list parameter (NumberInFilter, CharFieldInFilter, tag lists). */
    public Query csv(String name, Collection<?> values) {
        check(name);
        if (values != null && !values.isEmpty()) {
            params.put(name, List.of(values.stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        return this;
    }

    /** A repeated parameter (MultipleChoiceFilter). */
    public Query repeat(String name, Collection<?> values) {
        check(name);
        if (values != null && !values.isEmpty()) {
            params.put(name, values.stream().map(String::valueOf).toList());
        }
        return this;
    }

    public Query copy() {
        Query q = new Query(resource);
        params.forEach((k, v) -> q.params.put(k, v));
        return q;
    }

    public Map<String, List<String>> parameters() {
        return Collections.unmodifiableMap(params);
    }

    String encode(int limit, int offset) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, vs) -> vs.forEach(v -> parts.add(enc(k) + "=" + enc(v))));
        parts.add("limit=" + limit);
        parts.add("offset=" + offset);
        return String.join("&", parts);
    }

    private void check(String name) {
        if (!resource.accepts(name)) {
            throw new IllegalArgumentException(resource.path() + " has no filter named " + name);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return resource.path() + "?" + params;
    }
}
