package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /import-scan/} and {@code /reimport-scan/} (§8) for "Generic Findings Import" JSON reports.
 * Matching between runs uses the legacy hash (title, cwe, line, file_path, description); other scan types
 * answer 501 because their parsers are not modelled.
 */
final class ScanImporter {
    private static final String[] ECHOED_BOOLEANS = {"auto_create_context", "deduplication_on_engagement",
            "active", "verified", "push_to_jira", "create_finding_groups_for_all_findings", "apply_tags_to_findings",
            "apply_tags_to_endpoints", "close_old_findings", "close_old_findings_product_scope", "do_not_reactivate"};

    private final SandboxStore store;

    ScanImporter(SandboxStore store) {
        this.store = store;
    }

    ApiResponse importScan(ApiRequest request) {
        try {
            ImportForm form = form(request);
            List<FindingRecord> parsed = parse(form);
            long now = request.clock().millis();
            EngagementRecord engagement = new ImportContext(store, form, now, request.today()).engagementForImport();
            TestRecord test = createTest(form, engagement.id(), request, now);
            List<FindingRecord> created = addFindings(form, test, parsed, request, now);
            if (form.bool("close_old_findings", false)) {
                closeOld(form, test, created, form.bool("close_old_findings_product_scope", false), request, now);
            }
            ObjectNode body = response(form, test);
            body.putObject("statistics").set("after", ImportStatistics.of(findingsOf(test.id())));
            return ApiResponse.of(201, body);
        } catch (ImportRejected e) {
            return e.response;
        }
    }

    ApiResponse reimportScan(ApiRequest request) {
        try {
            ImportForm form = form(request);
            List<FindingRecord> parsed = parse(form);
            long now = request.clock().millis();
            TestRecord test = new ImportContext(store, form, now, request.today()).testForReimport();
            if (test == null) {
                // No matching test and auto_create_context=true: a fresh import with close_old_findings off (§8).
                EngagementRecord engagement = new ImportContext(store, form, now, request.today())
                        .engagementForImport();
                test = createTest(form, engagement.id(), request, now);
                addFindings(form, test, parsed, request, now);
                ObjectNode body = response(form, test);
                body.putObject("statistics").set("after", ImportStatistics.of(findingsOf(test.id())));
                return ApiResponse.of(201, body);
            }
            test = updateTest(form, test, now);
            return ApiResponse.of(201, reimportInto(form, test, parsed, request, now));
        } catch (ImportRejected e) {
            return e.response;
        }
    }

    private ImportForm form(ApiRequest request) {
        MultipartForm multipart = MultipartForm.parse(request.contentType(), request.body());
        if (multipart == null) {
            String type = request.contentType() == null ? "" : request.contentType().split(";")[0].trim();
            throw ApiError.detail(415, "Unsupported media type \"" + type + "\" in request.");
        }
        ImportForm form = new ImportForm(multipart);
        String scanType = form.text("scan_type");
        if (scanType == null) {
            throw ApiError.validation(Map.of("scan_type", List.of(RequestFields.REQUIRED)));
        }
        if (!scanType.equals(GenericFindingsParser.SCAN_TYPE)) {
            // Real DefectDojo accepts the 271 names of scan-types.txt and 400s others; the sandbox has only this parser.
            throw ApiError.detail(501, "Not modelled by the DefectDojo sandbox: only \""
                    + GenericFindingsParser.SCAN_TYPE + "\" reports are parsed.");
        }
        if (form.text("minimum_severity") != null
                && !FindingWriter.SEVERITIES.contains(form.text("minimum_severity"))) {
            throw ApiError.validation(Map.of("minimum_severity",
                    List.of("\"" + form.text("minimum_severity") + "\" is not a valid choice.")));
        }
        return form;
    }

    private List<FindingRecord> parse(ImportForm form) {
        MultipartForm.FilePart file = form.raw().file("file");
        if (file == null) {
            // The file is required for this parser; DefectDojo's exact message is not in the reference.
            throw ApiError.validation(Map.of("file", List.of("No file was submitted.")));
        }
        List<FindingRecord> findings;
        try {
            findings = GenericFindingsParser.parse(file.content(), store);
        } catch (IllegalArgumentException e) {
            // A parser error surfaces as a 400 with a message (shape inferred from §3.6, text the sandbox's own).
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("message", e.getMessage());
            throw new ApiError(400, body);
        }
        String minimum = form.text("minimum_severity");
        int threshold = minimum == null ? Severity.INFO.ordinal() : Severity.parseLenient(minimum).ordinal();
        return findings.stream().filter(f -> f.severity <= threshold).toList();
    }

    private TestRecord createTest(ImportForm form, int engagement, ApiRequest request, long now) {
        String scanType = form.text("scan_type");
        TestTypeRecord type = store.testTypes.values().stream().filter(t -> t.name().equals(scanType)).findFirst()
                .orElse(null);
        if (type == null) {
            type = new TestTypeRecord(SandboxStore.nextId(store.testTypes), scanType, false, true, true,
                    FindingRecord.NO_STRINGS);
            store.testTypes.put(type.id(), type);
        }
        String environmentName = form.text("environment") == null ? "Development" : form.text("environment");
        // DefectDojo requires the environment to exist unless auto-created; the sandbox leaves it empty instead.
        int environment = store.developmentEnvironments.values().stream()
                .filter(e -> e.name().equals(environmentName)).mapToInt(NamedRecord::id).findFirst()
                .orElse(FindingRecord.NO_ID);
        Integer lead = form.integer("lead");
        List<String> tags = form.tags();
        TestRecord test = new TestRecord(SandboxStore.nextId(store.tests), engagement, type.id(), scanType,
                form.text("test_title"), null, now, now, null, form.text("version"), form.text("build_id"),
                form.text("commit_hash"), form.text("branch_tag"), lead == null ? FindingRecord.NO_ID : lead,
                environment, tags == null ? FindingRecord.NO_STRINGS : store.tags(tags), FindingRecord.NO_IDS,
                now, now);
        store.tests.put(test.id(), test);
        store.seal();
        return test;
    }

    /** Reimport overwrites version (and the other build fields) only when given, and replaces the tags. */
    private TestRecord updateTest(ImportForm form, TestRecord t, long now) {
        List<String> tags = form.tags();
        TestRecord updated = new TestRecord(t.id(), t.engagement(), t.testType(), t.scanType(), t.title(),
                t.description(), t.targetStart(), now, t.percentComplete(),
                or(form.text("version"), t.version()), or(form.text("build_id"), t.buildId()),
                or(form.text("commit_hash"), t.commitHash()), or(form.text("branch_tag"), t.branchTag()), t.lead(),
                t.environment(), tags == null ? t.tags() : store.tags(tags), t.notes(), t.created(), now);
        store.tests.put(updated.id(), updated);
        return updated;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private List<FindingRecord> addFindings(ImportForm form, TestRecord test, List<FindingRecord> parsed,
                                            ApiRequest request, long now) {
        List<FindingRecord> created = new ArrayList<>();
        for (FindingRecord f : parsed) {
            created.add(store.appendFinding(prepare(form, test, f, request, now)));
        }
        return created;
    }

    private FindingRecord prepare(ImportForm form, TestRecord test, FindingRecord f, ApiRequest request, long now) {
        f.test = test.id();
        f.reporter = request.principal().user().id();
        f.foundBy = new int[] {test.testType()};
        f.created = now;
        f.updated = now;
        f.lastStatusUpdate = now;
        // active / verified apply only when the key is present (§8, trap 12).
        Boolean active = form.optionalBool("active");
        if (active != null) {
            f.set(FindingRecord.ACTIVE, active);
        }
        Boolean verified = form.optionalBool("verified");
        if (verified != null) {
            f.set(FindingRecord.VERIFIED, verified);
        }
        Integer scanDate = form.date("scan_date");
        if (scanDate != null) {
            f.date = scanDate;
        } else if (f.date == FindingRecord.NO_DAY) {
            f.date = (int) request.today().toEpochDay();
        }
        if (form.bool("apply_tags_to_findings", false) && test.tags().length > 0) {
            Set<String> tags = new java.util.LinkedHashSet<>(List.of(f.tags));
            tags.addAll(List.of(test.tags()));
            f.tags = store.tags(tags);
        }
        FindingWriter.computeSla(store, f);
        return f;
    }

    private ObjectNode reimportInto(ImportForm form, TestRecord test, List<FindingRecord> parsed,
                                    ApiRequest request, long now) {
        List<FindingRecord> existing = findingsOf(test.id());
        ObjectNode before = ImportStatistics.of(existing);
        Map<String, FindingRecord> byHash = new HashMap<>();
        for (FindingRecord f : existing) {
            byHash.putIfAbsent(f.hashCodeValue(), f);
        }
        boolean doNotReactivate = form.bool("do_not_reactivate", false);
        Set<Integer> seen = new HashSet<>();
        List<FindingRecord> created = new ArrayList<>();
        List<FindingRecord> reactivated = new ArrayList<>();
        List<FindingRecord> untouched = new ArrayList<>();
        List<FindingRecord> closed = new ArrayList<>();
        for (FindingRecord incoming : parsed) {
            FindingRecord match = byHash.get(incoming.hashCodeValue());
            if (match == null) {
                created.add(store.appendFinding(prepare(form, test, incoming, request, now)));
                continue;
            }
            if (!seen.add(match.id)) {
                continue;
            }
            boolean closedBefore = match.is(FindingRecord.IS_MITIGATED) || match.mitigated != FindingRecord.NO_TIME;
            if (closedBefore && !doNotReactivate) {
                FindingRecord f = match.copy();
                f.set(FindingRecord.IS_MITIGATED, false);
                f.set(FindingRecord.ACTIVE, true);
                f.mitigated = FindingRecord.NO_TIME;
                f.mitigatedBy = FindingRecord.NO_ID;
                f.lastStatusUpdate = now;
                f.updated = now;
                store.replaceFinding(f);
                reactivated.add(f);
            } else {
                untouched.add(match);
            }
        }
        // close_old_findings defaults to true on reimport (trap 11).
        if (form.bool("close_old_findings", true)) {
            for (FindingRecord f : existing) {
                if (!seen.contains(f.id) && f.is(FindingRecord.ACTIVE)) {
                    closed.add(close(f, request, now));
                }
            }
        }
        ObjectNode body = response(form, test);
        ObjectNode statistics = body.putObject("statistics");
        statistics.set("before", before);
        // "delta" needs DD_TRACK_IMPORT_HISTORY; the sandbox behaves as if it is on.
        ObjectNode delta = statistics.putObject("delta");
        delta.set("created", ImportStatistics.of(created));
        delta.set("closed", ImportStatistics.of(closed));
        delta.set("reactivated", ImportStatistics.of(reactivated));
        delta.set("untouched", ImportStatistics.of(untouched));
        statistics.set("after", ImportStatistics.of(findingsOf(test.id())));
        return body;
    }

    /** Import's close_old_findings: active findings of the same scan type in the engagement (or product). */
    private void closeOld(ImportForm form, TestRecord test, List<FindingRecord> created, boolean productScope,
                          ApiRequest request, long now) {
        Set<String> hashes = new HashSet<>();
        created.forEach(f -> hashes.add(f.hashCodeValue()));
        int engagement = test.engagement();
        int product = store.productOfTest(test.id());
        for (FindingRecord f : new ArrayList<>(store.findingsById())) {
            TestRecord other = store.tests.get(f.test);
            boolean inScope = productScope ? store.productOfTest(f.test) == product
                    : store.engagementOfTest(f.test) == engagement;
            if (other != null && other.id() != test.id() && inScope && test.scanType().equals(other.scanType())
                    && f.is(FindingRecord.ACTIVE) && !hashes.contains(f.hashCodeValue())) {
                close(f, request, now);
            }
        }
    }

    private FindingRecord close(FindingRecord current, ApiRequest request, long now) {
        FindingRecord f = current.copy();
        f.set(FindingRecord.ACTIVE, false);
        f.set(FindingRecord.IS_MITIGATED, true);
        f.mitigated = now;
        f.mitigatedBy = request.principal().user().id();
        f.lastStatusUpdate = now;
        f.updated = now;
        store.replaceFinding(f);
        return f;
    }

    private List<FindingRecord> findingsOf(int testId) {
        List<FindingRecord> result = new ArrayList<>();
        for (FindingRecord f : store.findingsById()) {
            if (f.test == testId) {
                result.add(f);
            }
        }
        return result;
    }

    /** The validated form echoed back (without the file) plus the resolved ids. */
    private ObjectNode response(ImportForm form, TestRecord test) {
        ObjectNode body = Json.object();
        Set<String> booleans = Set.of(ECHOED_BOOLEANS);
        form.raw().fields().forEach((name, values) -> {
            if (name.equals("tags")) {
                ArrayNode tags = body.putArray("tags");
                List<String> parsed = form.tags();
                if (parsed != null) {
                    parsed.forEach(tags::add);
                }
            } else if (booleans.contains(name)) {
                body.put(name, form.bool(name, false));
            } else if (name.equals("engagement") || name.equals("lead") || name.equals("test")) {
                body.put(name, form.integer(name));
            } else {
                body.put(name, values.get(0));
            }
        });
        int engagement = test.engagement();
        int product = store.productOfTest(test.id());
        body.put("test", test.id());
        body.put("test_id", test.id());
        body.put("engagement_id", engagement);
        body.put("product_id", product);
        body.put("product_type_id", store.prodTypeOfTest(test.id()));
        String mode = form.text("deduplication_execution_mode");
        body.put("deduplication_complete", "sync".equals(mode) || "async_wait".equals(mode));
        return body;
    }
}
