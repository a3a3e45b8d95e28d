package dev.dojomcp.sandbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A django-filter FilterSet: known parameter names and how each becomes a predicate. Unknown parameters
 * are ignored; invalid values of known ones are collected and answered with one 400.
 */
final class FilterSet<T> {

    /** Compiles one parameter; returns null when the value means "no filtering". */
    @FunctionalInterface
    interface Filter<T> {
        Predicate<T> compile(String name, List<String> values, LocalDate today);
    }

    /** Invalid value of one parameter (collected, not thrown to the client directly). */
    static final class InvalidValue extends RuntimeException {
        InvalidValue(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, Filter<T>> filters = new LinkedHashMap<>();

    FilterSet<T> add(String name, Filter<T> filter) {
        filters.put(name, filter);
        return this;
    }

    FilterSet<T> addAll(Map<String, Filter<T>> more) {
        filters.putAll(more);
        return this;
    }

    Set<String> names() {
        return filters.keySet();
    }

    Predicate<T> compile(QueryParams query, LocalDate today) {
        List<Predicate<T>> predicates = new ArrayList<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Map.Entry<String, Filter<T>> entry : filters.entrySet()) {
            List<String> values = query.all(entry.getKey());
            if (values.isEmpty()) {
                continue;
            }
            try {
                Predicate<T> p = entry.getValue().compile(entry.getKey(), values, today);
                if (p != null) {
                    predicates.add(p);
                }
            } catch (InvalidValue e) {
                errors.put(entry.getKey(), List.of(e.getMessage()));
            } catch (ApiError e) {
                Object list = e.body.get(entry.getKey());
                errors.put(entry.getKey(), list instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(e.body)));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiError.validation(errors);
        }
        if (predicates.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Predicate<T>[] array = predicates.toArray(new Predicate[0]);
        return t -> {
            for (Predicate<T> p : array) {
                if (!p.test(t)) {
                    return false;
                }
            }
            return true;
        };
    }
}
