package dev.dojomcp.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /import-scan/} and {@code /reimport-scan/} (§8). Every DefectDojo scan type is accepted; reports
 * of "Generic Findings Import" (JSON, CSV) and "SARIF" are parsed ({@link ReportParsers}), other scan types are
 * recorded as a test without findings. Order: form checks, report parsing, then the context and the writes.
 * (DefectDojo checks the context first and auto-creates it before parsing, so a rejected report can leave an
 * empty product or engagement behind; the sandbox writes nothing for a rejected report.)
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
            ParsedReport report = parse(form);
            List<FindingRecord> parsed = findings(form, report);
            long now = request.clock().millis();
            EngagementRecord engagement = new ImportContext(store, form, now, request.today()).engagementForImport();
            return ApiResponse.of(201, importInto(form, report, parsed, engagement, request, now, true));
        } catch (ImportRejected e) {
            return e.response;
        }
    }

    ApiResponse reimportScan(ApiRequest request) {
        try {
            ImportForm form = form(request);
            ParsedReport report = parse(form);
            List<FindingRecord> parsed = findings(form, report);
            long now = request.clock().millis();
            TestRecord test = new ImportContext(store, form, now, request.today()).testForReimport();
            if (test == null) {
                // No matching test and auto_create_context=true: a fresh import with close_old_findings off (§8).
                EngagementRecord engagement = new ImportContext(store, form, now, request.today())
                        .engagementForImport();
                return ApiResponse.of(201, importInto(form, report, parsed, engagement, request, now, false));
            }
            checkTestType(form, report, test);
            test = updateTest(form, report, test, now);
            ObjectNode body = response(form, test);
            ImportedFindings findings = new ImportedFindings(store, form, test, request.principal().user().id(), now,
                    request.today());
            if (report.parsed()) {
                body.set("statistics", new ReimportRun(store, form, test, findings).run(parsed));
            } else {
                // Not parsed: nothing matched, created or closed (the sandbox cannot tell what the report holds).
                List<FindingRecord> inTest = findingsOf(store, test.id());
                ObjectNode statistics = body.putObject("statistics");
                statistics.set("before", ImportStatistics.of(inTest));
                ObjectNode delta = statistics.putObject("delta");
                for (String name : new String[] {"created", "closed", "reactivated", "untouched"}) {
                    delta.set(name, ImportStatistics.of(List.of()));
                }
                statistics.set("after", ImportStatistics.of(inTest));
            }
            return ApiResponse.of(201, body);
        } catch (ImportRejected e) {
            return e.response;
        }
    }

    private ObjectNode importInto(ImportForm form, ParsedReport report, List<FindingRecord> parsed,
                                  EngagementRecord engagement, ApiRequest request, long now,
                                  boolean mayCloseOld) {
        TestRecord test = createTest(form, report, engagement.id(), now);
        ImportedFindings findings = new ImportedFindings(store, form, test, request.principal().user().id(), now,
                request.today());
        List<FindingRecord> created = new ArrayList<>();
        parsed.forEach(f -> created.add(findings.create(f)));
        if (mayCloseOld && report.parsed() && form.bool("close_old_findings", false)) {
            closeOld(form, test, created, findings, request);
        }
        ObjectNode body = response(form, test);
        body.putObject("statistics").set("after", ImportStatistics.of(findingsOf(store, test.id())));
        return body;
    }

    private ImportForm form(ApiRequest request) {
        MultipartForm multipart = MultipartForm.parse(request.contentType(), request.body());
        if (multipart == null) {
            String type = request.contentType() == null ? "" : request.contentType().split(";")[0].trim();
            throw ApiError.detail(415, "Unsupported media type \"" + type + "\" in request.");
        }
        ImportForm form = new ImportForm(multipart);
        ImportFormRules.check(form, store);
        return form;
    }

    /** The report, parsed when the sandbox models the scan type; a rejected report is a 400 "message". */
    private ParsedReport parse(ImportForm form) {
        try {
            return ReportParsers.parse(form.text("scan_type"), ImportFiles.report(form), store);
        } catch (ReportError e) {
            throw rejected(e.getMessage());
        }
    }

    /**
     * The parsed findings with sanitised severities ("info…"/"none" become Info; anything else outside the five
     * levels rejects the import, as DefectDojo's importer does), minus those below minimum_severity.
     */
    private static List<FindingRecord> findings(ImportForm form, ParsedReport report) {
        List<FindingRecord> findings = new ArrayList<>();
        String minimum = form.text("minimum_severity");
        int threshold = minimum == null ? Severity.INFO.ordinal() : Severity.parseLenient(minimum).ordinal();
        for (ParsedReport.Item item : report.items()) {
            String severity = item.severity();
            String lower = severity.toLowerCase(java.util.Locale.ROOT);
            if (!severity.equals("Info") && (lower.startsWith("info") || lower.equals("none"))) {
                severity = "Info";
            }
            if (!FindingWriter.SEVERITIES.contains(severity)) {
                throw rejected("Finding severity \"" + severity + "\" is not supported. Any of the following are "
                        + "supported: " + PythonText.repr(FindingWriter.SEVERITIES) + ".");
            }
            FindingRecord f = item.finding();
            f.severity = (byte) Severity.parseLenient(severity).ordinal();
            if (form.text("service") != null) {
                f.service = form.text("service"); // before matching: the service is part of the hash
            }
            if (f.severity <= threshold) {
                findings.add(f);
            }
        }
        return findings;
    }

    /**
     * DefectDojo answers a rejected report with its exception handler's {@code {"message": str(error)}}; the
     * error is a Django ValidationError, whose str() is the repr of its message list (inferred from Django).
     */
    private static ApiError rejected(String message) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("message", PythonText.repr(List.of(message)));
        return new ApiError(400, body);
    }

    /**
     * The test type of a new test: the report's own type when it names one ("gitleaks Scan (SARIF)" for a
     * SARIF report from gitleaks, the generic report's "type"), otherwise the scan type. Created when missing,
     * as DefectDojo does for such dynamic types.
     */
    private TestTypeRecord testType(String scanType, ParsedReport report) {
        String name = dynamicTypeName(report.testType(), scanType);
        TestTypeRecord type = store.testTypes.values().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElse(null);
        if (type == null) {
            type = new TestTypeRecord(SandboxStore.nextId(store.testTypes), name, false, false, true,
                    FindingRecord.NO_STRINGS);
            store.testTypes.put(type.id(), type);
        }
        return type;
    }

    static String dynamicTypeName(String reportType, String scanType) {
        if (reportType == null || reportType.isEmpty() || reportType.equals(scanType)
                || (reportType + " Scan").equals(scanType)) {
            return scanType;
        }
        return reportType.endsWith(" (" + scanType + ")") ? reportType : reportType + " Scan (" + scanType + ")";
    }

    /** The name older DefectDojo versions gave ("X (SARIF) Scan (SARIF)" for a suffixed type); still accepted. */
    private static String legacyTypeName(String reportType, String scanType) {
        if (reportType == null || reportType.isEmpty() || reportType.equals(scanType)) {
            return scanType;
        }
        String name = reportType + " Scan";
        return name.equals(scanType) ? name : name + " (" + scanType + ")";
    }

    /** Reimport refuses a report whose test type is another tool's (DefectDojo's ValidationError text). */
    private void checkTestType(ImportForm form, ParsedReport report, TestRecord test) {
        if (!report.parsed() || report.testType() == null) {
            return;
        }
        String scanType = form.text("scan_type");
        String expected = dynamicTypeName(report.testType(), scanType);
        String legacy = legacyTypeName(report.testType(), scanType);
        TestTypeRecord type = store.testTypes.get(test.testType());
        String actual = type == null ? test.scanType() : type.name();
        if (!actual.equals(expected) && !actual.equals(legacy) && !actual.equals(scanType)) {
            throw rejected("Test type mismatch: Test " + test.id() + " has test_type '" + actual
                    + "', but the report contains test_type '" + expected
                    + "'. Reimport with matching test_type or create a new test.");
        }
    }

    private TestRecord createTest(ImportForm form, ParsedReport report, int engagement, long now) {
        String scanType = form.text("scan_type");
        TestTypeRecord type = testType(scanType, report);
        String environmentName = form.text("environment") == null ? "Development" : form.text("environment");
        // DefectDojo requires the environment to exist unless auto-created; the sandbox leaves it empty instead.
        int environment = store.developmentEnvironments.values().stream()
                .filter(e -> e.name().equals(environmentName)).mapToInt(NamedRecord::id).findFirst()
                .orElse(FindingRecord.NO_ID);
        Integer lead = form.integer("lead");
        List<String> tags = form.tags();
        TestRecord test = new TestRecord(SandboxStore.nextId(store.tests), engagement, type.id(), scanType,
                form.text("test_title"), report.description(), now, now, null, form.text("version"),
                form.text("build_id"), form.text("commit_hash"), form.text("branch_tag"),
                lead == null ? FindingRecord.NO_ID : lead, environment,
                tags == null ? FindingRecord.NO_STRINGS : store.tags(tags), FindingRecord.NO_IDS, now, now);
        store.tests.put(test.id(), test);
        store.seal();
        return test;
    }

    /**
     * Reimport overwrites version (and the other build fields) only when given, takes the report's description
     * when it has one, and replaces the tags.
     */
    private TestRecord updateTest(ImportForm form, ParsedReport report, TestRecord t, long now) {
        List<String> tags = form.tags();
        TestRecord updated = new TestRecord(t.id(), t.engagement(), t.testType(), t.scanType(), t.title(),
                or(report.description(), t.description()), t.targetStart(), now, t.percentComplete(),
                or(form.text("version"), t.version()), or(form.text("build_id"), t.buildId()),
                or(form.text("commit_hash"), t.commitHash()), or(form.text("branch_tag"), t.branchTag()), t.lead(),
                t.environment(), tags == null ? t.tags() : store.tags(tags), t.notes(), t.created(), now);
        store.tests.put(updated.id(), updated);
        return updated;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /**
     * Import's close_old_findings: active or risk-accepted findings of other tests with the same test type in
     * the engagement (or product), and the same service, that the new test does not have again by the
     * deduplication algorithm's keys (findings the report marks mitigated do not count).
     */
    private void closeOld(ImportForm form, TestRecord test, List<FindingRecord> created, ImportedFindings findings,
                          ApiRequest request) {
        TestTypeRecord type = store.testTypes.get(test.testType());
        DedupeAlgorithm algorithm = DedupeAlgorithm.of(type == null ? null : type.name(), test.scanType());
        Set<String> hashes = new HashSet<>();
        Set<String> uniqueIds = new HashSet<>();
        for (FindingRecord f : created) {
            if (!f.is(FindingRecord.IS_MITIGATED)) {
                hashes.add(DedupeAlgorithm.hashKey(f));
                if (f.uniqueIdFromTool != null) {
                    uniqueIds.add(f.uniqueIdFromTool);
                }
            }
        }
        boolean productScope = form.bool("close_old_findings_product_scope", false);
        int engagement = test.engagement();
        int product = store.productOfTest(test.id());
        String service = form.text("service");
        String note = "This Finding has been automatically closed by the Test: \n \""
                + (test.title() == null ? "None" : test.title()) + "\"\n"
                + request.absolute("/test/" + test.id())
                + "\n\nThis is because this Finding is not present anymore in recent scans.";
        for (FindingRecord f : new ArrayList<>(store.findingsById())) {
            if (f.test == test.id() || store.testTypeOfTest(f.test) != test.testType()
                    || !(f.is(FindingRecord.ACTIVE) || f.is(FindingRecord.RISK_ACCEPTED))) {
                continue;
            }
            boolean inScope = productScope ? store.productOfTest(f.test) == product
                    : store.engagementOfTest(f.test) == engagement;
            boolean sameService = service == null ? f.service == null || f.service.isEmpty()
                    : service.equals(f.service);
            boolean stillReported = switch (algorithm) {
                case HASH_CODE, LEGACY -> hashes.contains(DedupeAlgorithm.hashKey(f));
                case UNIQUE_ID_FROM_TOOL -> f.uniqueIdFromTool != null && uniqueIds.contains(f.uniqueIdFromTool);
                case UNIQUE_ID_FROM_TOOL_OR_HASH_CODE -> hashes.contains(DedupeAlgorithm.hashKey(f))
                        || (f.uniqueIdFromTool != null && uniqueIds.contains(f.uniqueIdFromTool));
            };
            if (inScope && sameService && !stillReported) {
                findings.close(f, note);
            }
        }
    }

    static List<FindingRecord> findingsOf(SandboxStore store, int testId) {
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
