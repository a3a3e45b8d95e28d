package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * django-filter {@code OrderingFilter} on parameter {@code o}: comma-separated allowed names, {@code -} for
 * descending. Null values sort as PostgreSQL does: last ascending, first descending.
 */
final class Ordering<T> {

    private final Map<String, Comparator<T>> fields = new LinkedHashMap<>();
    private final Comparator<T> defaultOrder;
    private final Comparator<T> tieBreak;

    Ordering(Comparator<T> defaultOrder, Comparator<T> tieBreak) {
        this.defaultOrder = defaultOrder;
        this.tieBreak = tieBreak;
    }

    Ordering<T> number(String name, ToLongFunction<T> key, long nullValue) {
        fields.put(name, Comparator.comparingLong(t -> {
            long v = key.applyAsLong(t);
            return v == nullValue ? Long.MAX_VALUE : v;
        }));
        return this;
    }

    Ordering<T> number(String name, ToLongFunction<T> key) {
        fields.put(name, Comparator.comparingLong(key));
        return this;
    }

    Ordering<T> bool(String name, java.util.function.Predicate<T> key) {
        fields.put(name, Comparator.comparing(t -> key.test(t)));
        return this;
    }

    Ordering<T> text(String name, Function<T, String> key) {
        fields.put(name, Comparator.comparing(key, Comparator.nullsLast(TEXT)));
        return this;
    }

    Ordering<T> custom(String name, Comparator<T> comparator) {
        fields.put(name, comparator);
        return this;
    }

    static final Comparator<String> TEXT = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    /** Null when {@code o} is absent or empty (use the default order). */
    Comparator<T> parse(QueryParams query) {
        String raw = query.first("o");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Comparator<T> result = null;
        List<String> invalid = new ArrayList<>();
        for (String part : raw.split(",")) {
            String name = part.trim();
            boolean descending = name.startsWith("-");
            Comparator<T> field = fields.get(descending ? name.substring(1) : name);
            if (field == null) {
                invalid.add(name);
                continue;
            }
            Comparator<T> directed = descending ? field.reversed() : field;
            result = result == null ? directed : result.thenComparing(directed);
        }
        if (!invalid.isEmpty()) {
            throw ApiError.invalidParameter("o",
                    "Select a valid choice. " + String.join(", ", invalid) + " is not one of the available choices.");
        }
        return result == null ? null : result.thenComparing(tieBreak);
    }

    Comparator<T> defaultOrder() {
        return defaultOrder;
    }
}
