package dev.dojomcp.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The findings each session has read, most recent last, for the records of its later changes. */
final class SessionReads {
    static final int KEPT = 100;

    private final Cache<String, Reads> sessions = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(12))
            .build();

    void read(String session, Iterable<Long> findingIds) {
        Reads reads = sessions.get(session, s -> new Reads());
        synchronized (reads) {
            for (long id : findingIds) {
                reads.ids.remove(id);
                reads.ids.add(id);
                reads.count++;
                if (reads.ids.size() > KEPT) {
                    reads.ids.remove(reads.ids.iterator().next());
                }
            }
        }
    }

    /** The ids read so far (at most {@value #KEPT}, most recent last) and how many reads there were. */
    Snapshot snapshot(String session) {
        Reads reads = sessions.getIfPresent(session);
        if (reads == null) {
            return new Snapshot(List.of(), 0);
        }
        synchronized (reads) {
            return new Snapshot(List.copyOf(new ArrayList<>(reads.ids)), reads.count);
        }
    }

    record Snapshot(List<Long> ids, long count) {
    }

    private static final class Reads {
        private final LinkedHashSet<Long> ids = new LinkedHashSet<>();
        private long count;
    }
}
