package dev.dojomcp.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counters, so tests can assert how many upstream calls a tool made. */
public final class SandboxStats {

    private final LongAdder total = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> perPath = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> perMethodAndPath = new ConcurrentHashMap<>();
    private final LongAdder serverErrors = new LongAdder();
    private final Deque<String> recentServerErrors = new ArrayDeque<>();

    void record(String method, String path) {
        total.increment();
        perPath.computeIfAbsent(path, p -> new LongAdder()).increment();
        perMethodAndPath.computeIfAbsent(method + " " + path, p -> new LongAdder()).increment();
    }

    /** Counts an answer; 5xx answers are also remembered (method, path, status), the last 20 of them. */
    void answered(String method, String path, int status) {
        if (status >= 500) {
            serverErrors.increment();
            synchronized (recentServerErrors) {
                if (recentServerErrors.size() == 20) {
                    recentServerErrors.removeFirst();
                }
                recentServerErrors.addLast(method + " " + path + " -> " + status);
            }
        }
    }

    /**
     * Answers with a 5xx status: DefectDojo's own crashes the sandbox reproduces, unhandled sandbox
     * errors, unmodelled endpoints (501) and injected faults alike.
     */
    public long serverErrors() {
        return serverErrors.sum();
    }

    /** The last (up to 20) 5xx answers as {@code METHOD /path -> status}, oldest first. */
    public List<String> recentServerErrors() {
        synchronized (recentServerErrors) {
            return List.copyOf(recentServerErrors);
        }
    }

    /** All requests received, including failed, faulted and unauthenticated ones. */
    public long totalRequests() {
        return total.sum();
    }

    /** Requests for an exact path such as {@code /api/v2/findings/} (query string excluded). */
    public long requests(String path) {
        LongAdder adder = perPath.get(path);
        return adder == null ? 0 : adder.sum();
    }

    public long requests(String method, String path) {
        LongAdder adder = perMethodAndPath.get(method + " " + path);
        return adder == null ? 0 : adder.sum();
    }

    /** Requests whose path starts with the prefix, e.g. {@code /api/v2/findings/} also counts detail paths. */
    public long requestsUnder(String pathPrefix) {
        return perPath.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Snapshot: path → count, sorted by path. */
    public Map<String, Long> byPath() {
        Map<String, Long> copy = new TreeMap<>();
        perPath.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public void reset() {
        total.reset();
        perPath.clear();
        perMethodAndPath.clear();
        serverErrors.reset();
        synchronized (recentServerErrors) {
            recentServerErrors.clear();
        }
    }
}
