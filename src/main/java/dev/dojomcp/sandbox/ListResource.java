package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DRF ModelViewSet: filtered, ordered, paginated list; detail by id; detail GET actions; and the write
 * handlers a resource registers ({@link #onCreate}, {@link #onUpdate}, {@link #detailWrite}). Methods without
 * a handler answer 405. Action names may contain a slash ({@code duplicate/reset}).
 */
class ListResource<T> implements Resource {

    private final String prefix;
    private final Supplier<? extends Collection<T>> items;
    private final IntFunction<T> byId;
    private final FilterSet<T> filters;
    private final Ordering<T> ordering;
    private final BiFunction<ApiRequest, T, ObjectNode> serializer;
    private final boolean prefetchEnabled;
    private final Predicate<Principal> canView;
    private final Map<String, BiFunction<ApiRequest, T, ApiResponse>> detailActions = new LinkedHashMap<>();
    /** Keyed by "METHOD name". */
    private final Map<String, BiFunction<ApiRequest, T, ApiResponse>> writeActions = new LinkedHashMap<>();
    private Function<ApiRequest, ApiResponse> create;
    private BiFunction<ApiRequest, T, ApiResponse> update;

    /**
     * @param items    in default order (so an unordered request does not need to sort)
     * @param ordering null when the resource has no {@code o} parameter
     */
    ListResource(String prefix, Supplier<? extends Collection<T>> items, IntFunction<T> byId, FilterSet<T> filters,
                 Ordering<T> ordering, Function<T, ObjectNode> serializer, boolean prefetchEnabled,
                 Predicate<Principal> canView) {
        this(prefix, items, byId, filters, ordering, (request, item) -> serializer.apply(item), prefetchEnabled,
                canView);
    }

    /** For serialisers that depend on the request (today's date, query flags). */
    ListResource(String prefix, Supplier<? extends Collection<T>> items, IntFunction<T> byId, FilterSet<T> filters,
                 Ordering<T> ordering, BiFunction<ApiRequest, T, ObjectNode> serializer, boolean prefetchEnabled,
                 Predicate<Principal> canView) {
        this.prefix = prefix;
        this.items = items;
        this.byId = byId;
        this.filters = filters;
        this.ordering = ordering;
        this.serializer = serializer;
        this.prefetchEnabled = prefetchEnabled;
        this.canView = canView;
    }

    ListResource<T> detailAction(String name, BiFunction<ApiRequest, T, ApiResponse> action) {
        detailActions.put(name, action);
        return this;
    }

    /** {@code POST /prefix/}. */
    ListResource<T> onCreate(Function<ApiRequest, ApiResponse> handler) {
        this.create = handler;
        return this;
    }

    /** {@code PUT} and {@code PATCH /prefix/{id}/}; the handler tells them apart by the method. */
    ListResource<T> onUpdate(BiFunction<ApiRequest, T, ApiResponse> handler) {
        this.update = handler;
        return this;
    }

    ListResource<T> detailWrite(String method, String name, BiFunction<ApiRequest, T, ApiResponse> action) {
        writeActions.put(method + " " + name, action);
        return this;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public ApiResponse handle(ApiRequest request, List<String> rest) {
        if (!canView.test(request.principal())) {
            throw ApiError.permissionDenied();
        }
        if (rest.isEmpty()) {
            if (create != null && request.method().equals("POST")) {
                return create.apply(request);
            }
            requireRead(request);
            return ApiResponse.ok(list(request));
        }
        T item = lookup(rest.get(0));
        if (rest.size() == 1) {
            if (update != null && (request.method().equals("PUT") || request.method().equals("PATCH"))) {
                return update.apply(request, item);
            }
            requireRead(request);
            ObjectNode node = serializer.apply(request, item);
            if (prefetchEnabled && request.query().has("prefetch")) {
                node.putObject("prefetch");
            }
            return ApiResponse.ok(node);
        }
        String action = String.join("/", rest.subList(1, rest.size()));
        BiFunction<ApiRequest, T, ApiResponse> write = writeActions.get(request.method() + " " + action);
        if (write != null) {
            return write.apply(request, item);
        }
        if (detailActions.containsKey(action)) {
            requireRead(request);
            return detailActions.get(action).apply(request, item);
        }
        if (writeActions.keySet().stream().anyMatch(k -> k.endsWith(" " + action))) {
            throw ApiError.methodNotAllowed(request.method());
        }
        throw ApiError.notFound();
    }

    /** Methods other than GET/HEAD that reach here have no handler: 405. */
    protected void requireRead(ApiRequest request) {
        if (!request.isRead()) {
            throw ApiError.methodNotAllowed(request.method());
        }
    }

    T lookup(String idText) {
        int id;
        try {
            id = Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            // Django's router only matches [^/.]+ and the lookup fails for non-integers: 404.
            throw ApiError.notFound();
        }
        T item = byId.apply(id);
        if (item == null) {
            throw ApiError.notFound();
        }
        return item;
    }

    ObjectNode list(ApiRequest request) {
        Predicate<T> predicate = filters.compile(request.query(), request.today());
        Comparator<T> comparator = ordering == null ? null : ordering.parse(request.query());
        Paginator page = Paginator.of(request.query());
        ArrayNode results = Json.array();
        long count = 0;
        if (comparator == null) {
            long end = (long) page.offset + page.limit;
            for (T item : items.get()) {
                if (predicate == null || predicate.test(item)) {
                    if (count >= page.offset && count < end) {
                        results.add(serializer.apply(request, item));
                    }
                    count++;
                }
            }
        } else {
            List<T> matches = new ArrayList<>();
            for (T item : items.get()) {
                if (predicate == null || predicate.test(item)) {
                    matches.add(item);
                }
            }
            matches.sort(comparator);
            count = matches.size();
            int end = (int) Math.min(matches.size(), (long) page.offset + page.limit);
            for (int i = page.offset; i < end; i++) {
                results.add(serializer.apply(request, matches.get(i)));
            }
        }
        return page.envelope(request, count, results, prefetchEnabled);
    }
}
