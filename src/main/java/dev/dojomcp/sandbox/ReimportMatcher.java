package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reimport's candidate lookup: the findings already in the test (duplicates and closed ones included), indexed
 * by the algorithm's keys. A report finding matches the lowest-id candidate; findings created during the run
 * become candidates too, so a report that repeats a finding creates it once (DefectDojo's batch matching).
 */
final class ReimportMatcher {
    private final DedupeAlgorithm algorithm;
    private final Map<String, List<FindingRecord>> byHash = new HashMap<>();
    private final Map<String, List<FindingRecord>> byUniqueId = new HashMap<>();
    private final Map<String, List<FindingRecord>> byTitle = new HashMap<>();

    ReimportMatcher(DedupeAlgorithm algorithm, Collection<FindingRecord> existing) {
        this.algorithm = algorithm;
        existing.forEach(this::add);
    }

    void add(FindingRecord f) {
        String hash = DedupeAlgorithm.hashKey(f);
        if (hash != null) {
            byHash.computeIfAbsent(hash, k -> new ArrayList<>()).add(f);
        }
        if (f.uniqueIdFromTool != null) {
            byUniqueId.computeIfAbsent(f.uniqueIdFromTool, k -> new ArrayList<>()).add(f);
        }
        if (f.title != null) {
            byTitle.computeIfAbsent(legacyKey(f), k -> new ArrayList<>()).add(f);
        }
    }

    /** The existing finding the report finding is, or null for a new one. */
    FindingRecord match(FindingRecord incoming) {
        List<FindingRecord> matches = new ArrayList<>();
        switch (algorithm) {
            case HASH_CODE -> addAll(matches, byHash, DedupeAlgorithm.hashKey(incoming));
            case UNIQUE_ID_FROM_TOOL -> addAll(matches, byUniqueId, incoming.uniqueIdFromTool);
            case UNIQUE_ID_FROM_TOOL_OR_HASH_CODE -> {
                addAll(matches, byHash, DedupeAlgorithm.hashKey(incoming));
                addAll(matches, byUniqueId, incoming.uniqueIdFromTool);
            }
            case LEGACY -> addAll(matches, byTitle, incoming.title == null ? null : legacyKey(incoming));
        }
        FindingRecord lowest = null;
        for (FindingRecord f : matches) {
            if (lowest == null || f.id < lowest.id) {
                lowest = f;
            }
        }
        return lowest;
    }

    private static void addAll(List<FindingRecord> into, Map<String, List<FindingRecord>> index, String key) {
        if (key != null) {
            into.addAll(index.getOrDefault(key, List.of()));
        }
    }

    private static String legacyKey(FindingRecord f) {
        return f.title.toLowerCase(Locale.ROOT) + "\u0000" + f.severity;
    }
}
