package dev.dojomcp.analytics;

import dev.dojomcp.defectdojo.DefectDojoClient;
import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.defectdojo.Resource;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The DefectDojo calls a summary makes, counted so the result can say how many requests it cost. */
final class CountedDojo {
    private final DefectDojoClient dojo;
    private final AtomicInteger requests = new AtomicInteger();

    CountedDojo(DefectDojoClient dojo) {
        this.dojo = dojo;
    }

    /** A {@code limit=1} count query, to run later (usually concurrently through {@code ToolContext.all}). */
    Callable<Long> count(Query query) {
        return () -> {
            requests.incrementAndGet();
            return dojo.count(query);
        };
    }

    <T> T get(Resource resource, long id, Class<T> type) {
        requests.incrementAndGet();
        return dojo.get(resource, id, type);
    }

    /** Pages through at most {@code maxItems} objects; returns DefectDojo's total. */
    <T> long forEach(Query query, int maxItems, Class<T> type, Consumer<T> sink) {
        int[] visited = {0};
        long total = dojo.forEach(query, maxItems, type, t -> {
            visited[0]++;
            sink.accept(t);
        });
        requests.addAndGet(Math.max(1, (visited[0] + DefectDojoClient.BULK_PAGE_SIZE - 1)
                / DefectDojoClient.BULK_PAGE_SIZE));
        return total;
    }

    int requests() {
        return requests.get();
    }
}
