package dev.dojomcp.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic DefectDojo data: the seed decides everything, {@code now} only anchors dates so
 * data generated on different days stays recent. Same (seed, count, now) → identical store.
 */
final class Generator {
    private static final long DAY_MS = 86_400_000L;
    private static final String[] PRODUCT_TYPES = {"Web Applications", "Mobile", "Internal Tools", "Payments",
            "Data Platform", "Infrastructure", "Partner APIs", "Research and Development"};
    private static final String[] PRODUCT_WORDS_A = {"Customer", "Billing", "Payments", "Identity", "Order",
            "Inventory", "Analytics", "Search", "Notification", "Catalog", "Shipping", "Loyalty", "Partner",
            "Support", "Reporting", "Checkout", "Pricing", "Recommendation", "Onboarding", "Audit"};
    private static final String[] PRODUCT_WORDS_B = {"Portal", "Service", "API", "Gateway", "App", "Platform",
            "Backend", "Dashboard", "Engine", "Worker"};
    private static final String[][] PEOPLE = {{"Alice", "Martin"}, {"Bob", "Nguyen"}, {"Carla", "Rossi"},
            {"David", "Okafor"}, {"Eva", "Schmidt"}, {"Farid", "Haddad"}, {"Grace", "Kim"}, {"Hugo", "Lefebvre"}};
    private static final String[] ENVIRONMENTS = {"Development", "Staging", "Production", "Test", "Pre-prod", "Lab",
            "Default"};
    private static final String[] GENERIC_TEST_TYPES = {"API Test", "Static Check", "Pen Test",
            "Web Application Test", "Security Research", "Threat Modeling", "Manual Code Review"};
    private static final String[] STATUSES = {"Completed", "Completed", "Completed", "In Progress", "In Progress",
            "Not Started", "On Hold", "Scheduled", "Cancelled", "Blocked", "Waiting for Resource"};
    private static final String[] CRITICALITY = {"very high", "high", "medium", "low", "very low", "none"};
    private static final String[] PLATFORM = {"web service", "desktop", "iot", "mobile", "web"};
    private static final String[] LIFECYCLE = {"construction", "production", "production", "retirement"};
    private static final String[] ORIGIN = {"third party library", "purchased", "contractor", "internal",
            "open source", "outsourced"};

    private record Cve(String id, ScannerCatalog.Component component, int epssScore, int epssPercentile, boolean kev,
                       boolean ransomware, int kevDate, int severity) {
    }

    private final long seed;
    private final int findingCount;
    private final long nowMs;
    private final int today;
    private final SplittableRandom random;
    private final SandboxStore store = new SandboxStore();
    private final java.util.Map<String, String[]> vulnerabilityIds = new java.util.HashMap<>();

    Generator(long seed, int findingCount, Instant now) {
        this.seed = seed;
        this.findingCount = findingCount;
        this.nowMs = now.toEpochMilli();
        this.today = (int) LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
        this.random = new SplittableRandom(seed);
    }

    SandboxStore generate() {
        users();
        store.slaConfigurations.put(1, SlaConfigurationRecord.defaultConfiguration());
        store.slaConfigurations.put(2, new SlaConfigurationRecord(2, "No SLA Enforced",
                "No SLA is enforced for a product which uses this SLA configuration.", 7, 30, 90, 120,
                false, false, false, false, false));
        for (int i = 0; i < ENVIRONMENTS.length; i++) {
            store.developmentEnvironments.put(i + 1, new NamedRecord(i + 1, ENVIRONMENTS[i], null, false));
        }
        roles();
        int[] scannerTypeIds = testTypes();
        List<TestRecord> tests = productsEngagementsTests(scannerTypeIds);
        List<Cve> cves = cvePool();
        findings(tests, scannerTypeIds, cves);
        store.seal();
        return store;
    }

    private long daysAgo(int days) {
        return nowMs - days * DAY_MS;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private void users() {
        store.users.put(1, new UserRecord(1, "admin", "Admin", "User", "admin@example.com", true, true, true,
                daysAgo(900), daysAgo(0)));
        // The read-only API key authenticates as this user.
        store.users.put(2, new UserRecord(2, "api-reader", "API", "Reader", "api-reader@example.com", true, false,
                false, daysAgo(800), daysAgo(1)));
        for (int i = 0; i < PEOPLE.length; i++) {
            String first = PEOPLE[i][0];
            String last = PEOPLE[i][1];
            String username = (first + "." + last).toLowerCase(java.util.Locale.ROOT);
            store.users.put(i + 3, new UserRecord(i + 3, username, first, last, username + "@example.com",
                    i != 7, i == 0, false, daysAgo(700 - i * 30), i == 7 ? FindingRecord.NO_TIME : daysAgo(random.nextInt(30))));
        }
    }

    private void roles() {
        String[] names = {"API_Importer", "Writer", "Maintainer", "Owner", "Reader"};
        for (int i = 0; i < names.length; i++) {
            store.roles.put(i + 1, new NamedRecord(i + 1, names[i], null, i == 3));
        }
        store.groups.put(1, new NamedRecord(1, "AppSec Team", "Application security engineers", false));
        store.groups.put(2, new NamedRecord(2, "Developers", "Product developers", false));
        int id = 1;
        for (int user = 3; user <= 10; user++) {
            store.groupMembers.put(id, new GroupMemberRecord(id, user <= 5 ? 1 : 2, user, user <= 5 ? 3 : 2));
            id++;
        }
    }

    /** Generic test types 1–7, then one per scanner; returns the scanner test type ids by catalog index. */
    private int[] testTypes() {
        int id = 1;
        for (String name : GENERIC_TEST_TYPES) {
            store.testTypes.put(id, new TestTypeRecord(id, name, false, false, true, FindingRecord.NO_STRINGS));
            id++;
        }
        int[] ids = new int[ScannerCatalog.SCANNERS.size()];
        for (int i = 0; i < ids.length; i++) {
            ScannerCatalog.Scanner scanner = ScannerCatalog.SCANNERS.get(i);
            store.testTypes.put(id, new TestTypeRecord(id, scanner.scanType(), scanner.isStatic(), !scanner.isStatic(),
                    true, FindingRecord.NO_STRINGS));
            ids[i] = id++;
        }
        return ids;
    }

    private List<TestRecord> productsEngagementsTests(int[] scannerTypeIds) {
        int productTypeCount = 5 + random.nextInt(4);
        for (int i = 1; i <= productTypeCount; i++) {
            store.productTypes.put(i, new ProductTypeRecord(i, PRODUCT_TYPES[i - 1], PRODUCT_TYPES[i - 1] + " products",
                    random.nextInt(3) == 0, random.nextInt(2) == 0, daysAgo(900), daysAgo(300)));
        }
        int productCount = Math.min(200, Math.max(3, findingCount / 800));
        List<TestRecord> tests = new ArrayList<>();
        int engagementId = 1;
        int testId = 1;
        for (int p = 1; p <= productCount; p++) {
            String name = PRODUCT_WORDS_A[(p - 1) % PRODUCT_WORDS_A.length] + " "
                    + PRODUCT_WORDS_B[((p - 1) / PRODUCT_WORDS_A.length) % PRODUCT_WORDS_B.length];
            if (p > PRODUCT_WORDS_A.length * PRODUCT_WORDS_B.length) {
                name = name + " " + p;
            }
            List<String> productTags = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                productTags.add(pick(new String[] {"pci", "gdpr", "internet-facing", "tier-1", "legacy"}));
            }
            store.products.put(p, new ProductRecord(p, name, "The " + name + " product.",
                    1 + random.nextInt(productTypeCount), pick(CRITICALITY), pick(PLATFORM), pick(LIFECYCLE),
                    pick(ORIGIN), 1000 * (1 + random.nextInt(5000)), (100 * (1 + random.nextInt(10000))) + ".00",
                    random.nextBoolean(), random.nextBoolean(), 3 + random.nextInt(8), 3 + random.nextInt(8),
                    3 + random.nextInt(8), random.nextInt(10) == 0 ? 2 : 1, store.tags(productTags),
                    daysAgo(720 + random.nextInt(180)), daysAgo(random.nextInt(60)), 1 + random.nextInt(5), 0,
                    random.nextInt(4) == 0, true, FindingRecord.NO_IDS));
            int engagements = 1 + random.nextInt(6);
            for (int e = 0; e < engagements; e++) {
                boolean ci = random.nextBoolean();
                int start = today - random.nextInt(720);
                int end = start + 7 + random.nextInt(60);
                String status = pick(STATUSES);
                boolean active = !status.equals("Completed") && !status.equals("Cancelled");
                String engagementName = ci ? "CI/CD " + (random.nextBoolean() ? "main" : "release") + " pipeline"
                        : pick(new String[] {"Q1", "Q2", "Q3", "Q4"}) + " " + LocalDate.ofEpochDay(start).getYear()
                        + " " + pick(new String[] {"Pen Test", "Security Review", "Audit"});
                List<String> engagementTags = random.nextInt(4) == 0 ? List.of(ci ? "ci" : "manual") : List.of();
                store.engagements.put(engagementId, new EngagementRecord(engagementId, engagementName,
                        ci ? "Automated scans of " + name : "Manual assessment of " + name,
                        ci ? "1." + random.nextInt(20) + "." + random.nextInt(10) : null, p, start, end, status, active,
                        ci ? "CI/CD" : "Interactive", 3 + random.nextInt(8), ci ? String.valueOf(1000 + random.nextInt(9000)) : null,
                        ci ? hex(40) : null, ci ? "main" : null,
                        ci ? "https://git.example.com/" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') : null,
                        false, !ci && random.nextBoolean(), !ci, !ci, !ci, store.tags(engagementTags), FindingRecord.NO_IDS,
                        start * DAY_MS, Math.min(nowMs, end * DAY_MS), active ? "other" : "threat_model", "none",
                        !active, null, null, null, FindingRecord.NO_DAY));
                int testCount = 1 + random.nextInt(5);
                for (int t = 0; t < testCount; t++) {
                    int scanner = random.nextInt(ScannerCatalog.SCANNERS.size());
                    String scanType = ScannerCatalog.SCANNERS.get(scanner).scanType();
                    long testStart = (start + random.nextInt(Math.max(1, end - start))) * DAY_MS + random.nextInt(86_400) * 1000L;
                    TestRecord test = new TestRecord(testId, engagementId, scannerTypeIds[scanner], scanType,
                            random.nextInt(3) == 0 ? scanType + " " + (t + 1) : null, null, testStart,
                            testStart + 3_600_000L, 100, null, null, null, null, 3 + random.nextInt(8),
                            1 + random.nextInt(ENVIRONMENTS.length), FindingRecord.NO_STRINGS, FindingRecord.NO_IDS,
                            testStart, testStart);
                    store.tests.put(testId, test);
                    tests.add(test);
                    testId++;
                }
                engagementId++;
            }
        }
        return tests;
    }

    private List<Cve> cvePool() {
        int size = Math.max(50, Math.min(5000, findingCount / 20));
        List<Cve> pool = new ArrayList<>(size);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (pool.size() < size) {
            String id = "CVE-" + (2015 + random.nextInt(11)) + "-" + (1000 + random.nextInt(49000));
            if (!seen.add(id)) {
                continue;
            }
            double u = random.nextDouble();
            boolean kev = random.nextInt(50) == 0;
            int score = kev ? 50_000 + random.nextInt(47_000) : (int) Math.round(Math.pow(u, 8) * 100_000);
            int percentile = kev ? 95_000 + random.nextInt(5_000) : (int) Math.round(u * 100_000);
            int severity = kev ? random.nextInt(2) : weightedSeverity();
            pool.add(new Cve(id, pick(ScannerCatalog.COMPONENTS), score, percentile, kev, kev && random.nextInt(5) == 0,
                    kev ? today - 30 - random.nextInt(900) : FindingRecord.NO_DAY, severity));
        }
        return pool;
    }

    /** Critical 3 %, High 15 %, Medium 30 %, Low 27 %, Info 25 %. */
    private int weightedSeverity() {
        int r = random.nextInt(100);
        if (r < 3) {
            return 0;
        }
        if (r < 18) {
            return 1;
        }
        if (r < 48) {
            return 2;
        }
        return r < 75 ? 3 : 4;
    }

    private void findings(List<TestRecord> tests, int[] scannerTypeIds, List<Cve> cves) {
        int maxProduct = store.products.lastKey();
        int[] lastOriginal = new int[maxProduct + 1];
        SlaConfigurationRecord defaultSla = SlaConfigurationRecord.defaultConfiguration();
        java.util.Map<Integer, Integer> scannerOfType = new java.util.HashMap<>();
        for (int i = 0; i < scannerTypeIds.length; i++) {
            scannerOfType.put(scannerTypeIds[i], i);
        }
        int noteId = 1;
        for (int id = 1; id <= findingCount; id++) {
            TestRecord test = tests.get(random.nextInt(tests.size()));
            ScannerCatalog.Scanner scanner = ScannerCatalog.SCANNERS.get(scannerOfType.get(test.testType()));
            int product = store.engagements.get(test.engagement()).product();
            FindingRecord f = new FindingRecord();
            f.id = id;
            f.test = test.id();
            f.foundBy = store.singleId(test.testType());
            f.reporter = 1;
            f.threadId = 0;
            f.description = scanner.descriptionTemplate();
            f.flags = FindingRecord.TEMPLATED_DESCRIPTION | FindingRecord.DERIVED_HASH
                    | (scanner.isStatic() ? FindingRecord.STATIC_FINDING : FindingRecord.DYNAMIC_FINDING);
            if (scanner.kind() == ScannerCatalog.Kind.SCA) {
                Cve cve = pick(cves);
                ScannerCatalog.Component c = cve.component();
                f.title = store.intern(switch (scanner.scanType()) {
                    case "Trivy Scan" -> cve.id() + " " + c.name() + " " + c.version();
                    case "Dependency Check Scan" -> c.name() + ":" + c.version() + " | " + cve.id();
                    default -> c.issue() + " In " + c.name();
                });
                f.severity = (byte) cve.severity();
                f.cwe = c.cwe();
                f.componentName = c.name();
                f.componentVersion = c.version();
                f.fixVersion = c.fixVersion();
                f.mitigation = store.intern("Upgrade " + c.name() + " to version " + c.fixVersion() + " or later.");
                f.vulnerabilityIds = vulnerabilityIds.computeIfAbsent(cve.id(), k -> new String[] {k});
                f.vulnIdFromTool = f.vulnerabilityIds[0];
                f.epssScore = cve.epssScore();
                f.epssPercentile = cve.epssPercentile();
                f.set(FindingRecord.KNOWN_EXPLOITED, cve.kev());
                f.set(FindingRecord.RANSOMWARE_USED, cve.ransomware());
                f.kevDate = cve.kevDate();
                f.flags |= FindingRecord.FIX_AVAILABLE_KNOWN | FindingRecord.FIX_AVAILABLE;
                f.filePath = scanner.scanType().equals("Trivy Scan") ? null : "pom.xml";
                f.references = store.intern("https://nvd.nist.gov/vuln/detail/" + cve.id());
            } else {
                ScannerCatalog.Issue issue = pick(scanner.issues());
                f.title = issue.title();
                f.severity = (byte) weightedSeverity();
                f.cwe = issue.cwe();
                f.mitigation = issue.mitigation();
                f.references = store.intern("https://cwe.mitre.org/data/definitions/" + issue.cwe() + ".html");
                if (scanner.kind() == ScannerCatalog.Kind.DAST) {
                    f.componentName = pick(ScannerCatalog.DAST_TARGETS);
                } else {
                    f.filePath = pick(ScannerCatalog.SOURCE_FILES);
                    f.line = 1 + random.nextInt(800);
                    f.vulnIdFromTool = scanner.scanType().equals("Semgrep JSON Report") ? issue.title() : null;
                }
            }
            int age = (int) (730 * Math.pow(random.nextDouble(), 1.3));
            f.date = today - age;
            f.created = Math.min(nowMs, f.date * DAY_MS + random.nextInt(86_400) * 1000L);
            f.updated = f.created;
            f.lastStatusUpdate = f.created;
            int slaDays = defaultSla.daysFor(f.severity());
            if (slaDays >= 0 && store.products.get(product).slaConfiguration() == 1) {
                f.slaStartDate = f.date;
                f.slaExpirationDate = f.date + slaDays;
            }
            status(f, product, lastOriginal);
            if (random.nextInt(3) > 0) {
                List<String> tags = new ArrayList<>();
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    tags.add(pick(ScannerCatalog.FINDING_TAGS));
                }
                f.tags = store.tags(tags);
            }
            if (random.nextInt(200) == 0) {
                int author = 3 + random.nextInt(8);
                long when = Math.min(nowMs, f.created + random.nextInt(30) * DAY_MS);
                store.notes.put(noteId, new NoteRecord(noteId, author,
                        pick(new String[] {"Confirmed by manual testing.", "Fix scheduled for the next sprint.",
                                "False positive: input is validated upstream.", "Waiting for vendor patch."}),
                        when, random.nextInt(5) == 0, false, FindingRecord.NO_ID, when));
                f.notes = new int[] {noteId};
                f.lastReviewed = when;
                f.lastReviewedBy = author;
                noteId++;
            }
            store.addFinding(f);
        }
    }

    /** Status mix: 30 % active+verified, 25 % active, 4 % under review, 22 % mitigated, 5 % false positive,
     * 4 % risk accepted, 3 % out of scope, 7 % duplicate. */
    private void status(FindingRecord f, int product, int[] lastOriginal) {
        int r = random.nextInt(100);
        if (r < 30) {
            f.flags |= FindingRecord.ACTIVE | FindingRecord.VERIFIED;
        } else if (r < 55) {
            f.flags |= FindingRecord.ACTIVE;
        } else if (r < 59) {
            f.flags |= FindingRecord.ACTIVE | FindingRecord.UNDER_REVIEW;
            f.reviewers = store.singleId(3 + random.nextInt(3));
            f.reviewRequestedBy = 3 + random.nextInt(8);
        } else if (r < 81) {
            f.flags |= FindingRecord.IS_MITIGATED | (random.nextBoolean() ? FindingRecord.VERIFIED : 0);
            long earliest = f.created + DAY_MS;
            f.mitigated = Math.min(nowMs - 60_000, earliest + random.nextInt(120) * DAY_MS + random.nextInt(86_400) * 1000L);
            if (f.mitigated < f.created) {
                f.mitigated = f.created;
            }
            f.mitigatedBy = 3 + random.nextInt(8);
            f.lastStatusUpdate = f.mitigated;
        } else if (r < 86) {
            f.flags |= FindingRecord.FALSE_P;
        } else if (r < 90) {
            f.flags |= FindingRecord.RISK_ACCEPTED;
        } else if (r < 93) {
            f.flags |= FindingRecord.OUT_OF_SCOPE;
        } else if (lastOriginal[product] != 0) {
            f.flags |= FindingRecord.DUPLICATE;
            f.duplicateFinding = lastOriginal[product];
        } else {
            f.flags |= FindingRecord.ACTIVE;
        }
        if (!f.is(FindingRecord.DUPLICATE)) {
            lastOriginal[product] = f.id;
        }
    }
}
