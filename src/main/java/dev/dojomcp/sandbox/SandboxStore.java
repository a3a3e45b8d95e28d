package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * In-memory DefectDojo data. Filled by {@link Generator} or {@link FixtureLoader}, then {@link #seal()}ed.
 * After start-up every API request runs under {@link #read} or {@link #write}: reads share the lock, a write
 * has it alone, so readers never see a half-applied change and the lock publishes every mutation.
 */
final class SandboxStore {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    final TreeMap<Integer, UserRecord> users = new TreeMap<>();
    final TreeMap<Integer, ProductTypeRecord> productTypes = new TreeMap<>();
    final TreeMap<Integer, ProductRecord> products = new TreeMap<>();
    final TreeMap<Integer, EngagementRecord> engagements = new TreeMap<>();
    final TreeMap<Integer, TestRecord> tests = new TreeMap<>();
    final TreeMap<Integer, TestTypeRecord> testTypes = new TreeMap<>();
    final TreeMap<Integer, NoteRecord> notes = new TreeMap<>();
    final TreeMap<Integer, SlaConfigurationRecord> slaConfigurations = new TreeMap<>();
    final TreeMap<Integer, NamedRecord> developmentEnvironments = new TreeMap<>();
    final TreeMap<Integer, NamedRecord> roles = new TreeMap<>();
    final TreeMap<Integer, NamedRecord> groups = new TreeMap<>();
    final TreeMap<Integer, GroupMemberRecord> groupMembers = new TreeMap<>();
    final TreeMap<Integer, CweRecord> cwes = new TreeMap<>();
    /** DRF token key → user id. */
    final Map<String, Integer> tokens = new HashMap<>();
    final TreeMap<Integer, RiskAcceptanceRecord> riskAcceptances = new TreeMap<>();

    private final List<FindingRecord> findings = new ArrayList<>();
    private final Map<String, String> stringPool = new HashMap<>();
    private final Map<String, String[]> tagPool = new HashMap<>();
    private final Map<Integer, int[]> singleIdPool = new HashMap<>();

    private int[] engagementOfTest = new int[0];
    private int[] productOfTest = new int[0];
    private int[] prodTypeOfTest = new int[0];
    private int[] testTypeOfTest = new int[0];
    private FindingRecord[] defaultOrder;
    private Map<Integer, int[]> activeFindingsByProduct;

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds a finding created through the API: it gets the next id, so the id order is kept. */
    FindingRecord appendFinding(FindingRecord finding) {
        finding.id = findings.isEmpty() ? 1 : findings.get(findings.size() - 1).id + 1;
        findings.add(finding);
        findingChanged(null, finding);
        return finding;
    }

    /** Puts an edited copy in place of the finding with the same id. */
    void replaceFinding(FindingRecord updated) {
        int index = java.util.Collections.binarySearch(findings, updated, Comparator.comparingInt(f -> f.id));
        FindingRecord old = findings.set(index, updated);
        findingChanged(old, updated);
    }

    /**
     * Keeps the default-order array sorted without a full re-sort (a binary search and an array copy per
     * write, so reads after a write on a million findings stay fast). Finding records are never changed in
     * place once stored — writers store an edited {@link FindingRecord#copy()} — so {@code old} still sorts
     * where it was.
     */
    private synchronized void findingChanged(FindingRecord old, FindingRecord updated) {
        activeFindingsByProduct = null;
        if (defaultOrder == null) {
            return;
        }
        FindingRecord[] order = defaultOrder;
        if (old != null) {
            int at = Arrays.binarySearch(order, old, FindingOrdering.DEFAULT);
            if (at < 0 || order[at] != old) {
                defaultOrder = null; // not where expected: rebuild on the next read
                return;
            }
            FindingRecord[] shorter = new FindingRecord[order.length - 1];
            System.arraycopy(order, 0, shorter, 0, at);
            System.arraycopy(order, at + 1, shorter, at, order.length - at - 1);
            order = shorter;
        }
        int at = Arrays.binarySearch(order, updated, FindingOrdering.DEFAULT);
        int insert = at < 0 ? -at - 1 : at;
        FindingRecord[] longer = new FindingRecord[order.length + 1];
        System.arraycopy(order, 0, longer, 0, insert);
        longer[insert] = updated;
        System.arraycopy(order, insert, longer, insert + 1, order.length - insert);
        defaultOrder = longer;
    }

    /** A new note on {@code f} (the caller stores {@code f}). */
    void addNote(FindingRecord f, int author, String entry, boolean isPrivate, long now) {
        int id = nextId(notes);
        notes.put(id, new NoteRecord(id, author, entry, now, isPrivate, false, FindingRecord.NO_ID,
                FindingRecord.NO_TIME));
        int[] ids = java.util.Arrays.copyOf(f.notes, f.notes.length + 1);
        ids[ids.length - 1] = id;
        f.notes = ids;
    }

    static int nextId(TreeMap<Integer, ?> table) {
        return table.isEmpty() ? 1 : table.lastKey() + 1;
    }

    void addFinding(FindingRecord finding) {
        findings.add(finding);
    }

    int findingCount() {
        return findings.size();
    }

    List<FindingRecord> findingsById() {
        return findings;
    }

    FindingRecord finding(int id) {
        int lo = 0;
        int hi = findings.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int midId = findings.get(mid).id;
            if (midId < id) {
                lo = mid + 1;
            } else if (midId > id) {
                hi = mid - 1;
            } else {
                return findings.get(mid);
            }
        }
        return null;
    }

    String intern(String text) {
        if (text == null) {
            return null;
        }
        return stringPool.computeIfAbsent(text, t -> t);
    }

    /** Shared, lower-cased tag array (DefectDojo stores finding tags in lower case). */
    String[] tags(Collection<String> names) {
        if (names.isEmpty()) {
            return FindingRecord.NO_STRINGS;
        }
        String[] array = names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).distinct().sorted()
                .toArray(String[]::new);
        return tagPool.computeIfAbsent(String.join(",", array), k -> {
            for (int i = 0; i < array.length; i++) {
                array[i] = intern(array[i]);
            }
            return array;
        });
    }

    int[] singleId(int id) {
        return singleIdPool.computeIfAbsent(id, i -> new int[] {i});
    }

    /** Sorts findings by id and builds the lookup tables used by filters. Call after loading. */
    void seal() {
        findings.sort(Comparator.comparingInt(f -> f.id));
        int maxTest = tests.isEmpty() ? 0 : tests.lastKey();
        engagementOfTest = new int[maxTest + 1];
        productOfTest = new int[maxTest + 1];
        prodTypeOfTest = new int[maxTest + 1];
        testTypeOfTest = new int[maxTest + 1];
        for (TestRecord test : tests.values()) {
            engagementOfTest[test.id()] = test.engagement();
            testTypeOfTest[test.id()] = test.testType();
            EngagementRecord engagement = engagements.get(test.engagement());
            if (engagement != null) {
                productOfTest[test.id()] = engagement.product();
                ProductRecord product = products.get(engagement.product());
                if (product != null) {
                    prodTypeOfTest[test.id()] = product.prodType();
                }
            }
        }
        defaultOrder = null;
        activeFindingsByProduct = null;
    }

    int engagementOfTest(int test) {
        return test >= 0 && test < engagementOfTest.length ? engagementOfTest[test] : 0;
    }

    int productOfTest(int test) {
        return test >= 0 && test < productOfTest.length ? productOfTest[test] : 0;
    }

    int prodTypeOfTest(int test) {
        return test >= 0 && test < prodTypeOfTest.length ? prodTypeOfTest[test] : 0;
    }

    int testTypeOfTest(int test) {
        return test >= 0 && test < testTypeOfTest.length ? testTypeOfTest[test] : 0;
    }

    ProductRecord productOfFinding(FindingRecord finding) {
        return products.get(productOfTest(finding.test));
    }

    /** Findings in the model's default ordering, computed once (the store is read-only for now). */
    synchronized FindingRecord[] findingsInDefaultOrder() {
        if (defaultOrder == null) {
            FindingRecord[] array = findings.toArray(new FindingRecord[0]);
            Arrays.parallelSort(array, FindingOrdering.DEFAULT);
            defaultOrder = array;
        }
        return defaultOrder;
    }

    /** Active finding ids per product ({@code findings_count} / {@code findings_list}). */
    synchronized int[] activeFindingIds(int productId) {
        if (activeFindingsByProduct == null) {
            Map<Integer, List<Integer>> lists = new HashMap<>();
            for (FindingRecord f : findings) {
                if (f.is(FindingRecord.ACTIVE)) {
                    lists.computeIfAbsent(productOfTest(f.test), k -> new ArrayList<>()).add(f.id);
                }
            }
            Map<Integer, int[]> result = new HashMap<>();
            lists.forEach((k, v) -> result.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            activeFindingsByProduct = result;
        }
        return activeFindingsByProduct.getOrDefault(productId, FindingRecord.NO_IDS);
    }

    SlaConfigurationRecord slaFor(ProductRecord product) {
        SlaConfigurationRecord sla = product == null ? null : slaConfigurations.get(product.slaConfiguration());
        if (sla == null) {
            sla = slaConfigurations.get(1);
        }
        return sla == null ? SlaConfigurationRecord.defaultConfiguration() : sla;
    }

    UserRecord firstSuperuser() {
        return users.values().stream().filter(UserRecord::isSuperuser).findFirst().orElse(null);
    }
}
