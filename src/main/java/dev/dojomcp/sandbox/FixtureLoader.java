package dev.dojomcp.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Loads a Django dumpdata file. Unknown models and unknown or missing fields are tolerated (older schemas,
 * natural keys such as {@code ["admin"]} for users, upper-case severities).
 */
final class FixtureLoader {
    private final SandboxStore store = new SandboxStore();
    private final Map<String, Integer> userIdsByName = new HashMap<>();
    private final Map<Integer, List<String>> vulnerabilityIds = new HashMap<>();
    private final List<JsonNode> findings = new ArrayList<>();
    private final List<JsonNode> deferred = new ArrayList<>();

    static SandboxStore load(Path file) throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file));
        if (!root.isArray()) {
            throw new IOException("Not a Django dumpdata array: " + file);
        }
        return new FixtureLoader().read(root);
    }

    private SandboxStore read(JsonNode root) {
        for (JsonNode object : root) {
            String model = object.path("model").asString("").toLowerCase(java.util.Locale.ROOT);
            if (model.equals("auth.user") || model.equals("dojo.dojo_user")) {
                addUser(object);
            } else {
                deferred.add(object);
            }
        }
        for (JsonNode object : deferred) {
            String model = object.path("model").asString("").toLowerCase(java.util.Locale.ROOT);
            int pk = object.path("pk").asInt(0);
            JsonNode f = object.path("fields");
            switch (model) {
                case "authtoken.token" -> store.tokens.put(object.path("pk").asString(), user(f.get("user")));
                case "dojo.product_type" -> store.productTypes.put(pk, new ProductTypeRecord(pk, text(f, "name"),
                        text(f, "description"), bool(f, "critical_product"), bool(f, "key_product"),
                        time(f, "created"), time(f, "updated")));
                case "dojo.product" -> product(pk, f);
                case "dojo.engagement" -> engagement(pk, f);
                case "dojo.test" -> test(pk, f);
                case "dojo.test_type" -> store.testTypes.put(pk, new TestTypeRecord(pk, text(f, "name"),
                        bool(f, "static_tool"), bool(f, "dynamic_tool"), f.path("active").asBoolean(true),
                        tags(f)));
                case "dojo.finding" -> findings.add(object);
                case "dojo.vulnerability_id" -> vulnerabilityIds.computeIfAbsent(f.path("finding").asInt(),
                        k -> new ArrayList<>()).add(text(f, "vulnerability_id"));
                case "dojo.notes" -> store.notes.put(pk, new NoteRecord(pk, user(f.get("author")), text(f, "entry"),
                        time(f, "date"), bool(f, "private"), bool(f, "edited"), user(f.get("editor")),
                        time(f, "edit_time")));
                case "dojo.sla_configuration" -> store.slaConfigurations.put(pk, new SlaConfigurationRecord(pk,
                        text(f, "name"), text(f, "description"), f.path("critical").asInt(7), f.path("high").asInt(30),
                        f.path("medium").asInt(90), f.path("low").asInt(120), f.path("enforce_critical").asBoolean(true),
                        f.path("enforce_high").asBoolean(true), f.path("enforce_medium").asBoolean(true),
                        f.path("enforce_low").asBoolean(true), bool(f, "restart_sla_on_reactivation")));
                case "dojo.development_environment" ->
                        store.developmentEnvironments.put(pk, new NamedRecord(pk, text(f, "name"), null, false));
                case "dojo.role" -> store.roles.put(pk, new NamedRecord(pk, text(f, "name"), null, bool(f, "is_owner")));
                case "dojo.dojo_group" -> store.groups.put(pk, new NamedRecord(pk, text(f, "name"),
                        text(f, "description"), false));
                case "dojo.dojo_group_member" -> store.groupMembers.put(pk, new GroupMemberRecord(pk,
                        f.path("group").asInt(), user(f.get("user")), f.path("role").asInt()));
                case "dojo.cwe" -> store.cwes.put(pk, new CweRecord(pk, text(f, "url"), text(f, "description")));
                default -> {
                    // Not modelled: ignored.
                }
            }
        }
        for (JsonNode object : findings) {
            store.addFinding(finding(object.path("pk").asInt(), object.path("fields")));
        }
        if (store.slaConfigurations.isEmpty()) {
            store.slaConfigurations.put(1, SlaConfigurationRecord.defaultConfiguration());
        }
        store.seal();
        return store;
    }

    private void addUser(JsonNode object) {
        int pk = object.path("pk").asInt();
        JsonNode f = object.path("fields");
        String username = text(f, "username");
        store.users.put(pk, new UserRecord(pk, username, textOr(f, "first_name", ""), textOr(f, "last_name", ""),
                textOr(f, "email", ""), f.path("is_active").asBoolean(true), bool(f, "is_staff"),
                bool(f, "is_superuser"), time(f, "date_joined"), time(f, "last_login")));
        if (username != null) {
            userIdsByName.put(username, pk);
        }
    }

    /** A user reference: an id, or a natural key {@code ["username"]}; 0 when absent or unknown. */
    private int user(JsonNode ref) {
        if (ref == null || ref.isNull()) {
            return FindingRecord.NO_ID;
        }
        if (ref.isArray()) {
            return ref.isEmpty() ? FindingRecord.NO_ID : userIdsByName.getOrDefault(ref.get(0).asString(), FindingRecord.NO_ID);
        }
        if (ref.isString() && !ref.asString().chars().allMatch(Character::isDigit)) {
            return userIdsByName.getOrDefault(ref.asString(), FindingRecord.NO_ID);
        }
        return ref.asInt(FindingRecord.NO_ID);
    }

    private int[] users(JsonNode array) {
        if (array == null || !array.isArray()) {
            return FindingRecord.NO_IDS;
        }
        List<Integer> ids = new ArrayList<>();
        array.forEach(ref -> {
            int id = user(ref);
            if (id != FindingRecord.NO_ID) {
                ids.add(id);
            }
        });
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private void product(int pk, JsonNode f) {
        store.products.put(pk, new ProductRecord(pk, text(f, "name"), text(f, "description"), f.path("prod_type").asInt(),
                text(f, "business_criticality"), text(f, "platform"), text(f, "lifecycle"), text(f, "origin"),
                integer(f, "user_records"), text(f, "revenue"), bool(f, "external_audience"),
                bool(f, "internet_accessible"), user(f.get("product_manager")), user(f.get("technical_contact")),
                user(f.get("team_manager")), f.path("sla_configuration").asInt(1), tags(f), time(f, "created"),
                time(f, "updated"), integer(f, "prod_numeric_grade"), f.path("tid").asInt(0),
                bool(f, "enable_simple_risk_acceptance"), f.path("enable_full_risk_acceptance").asBoolean(true),
                ids(f.get("regulations"))));
    }

    private void engagement(int pk, JsonNode f) {
        store.engagements.put(pk, new EngagementRecord(pk, text(f, "name"), text(f, "description"),
                text(f, "version"), f.path("product").asInt(), date(f, "target_start"), date(f, "target_end"),
                text(f, "status"), f.path("active").asBoolean(true), textOr(f, "engagement_type", "Interactive"),
                user(f.get("lead")), text(f, "build_id"), text(f, "commit_hash"), text(f, "branch_tag"),
                text(f, "source_code_management_uri"), bool(f, "deduplication_on_engagement"),
                bool(f, "threat_model"), bool(f, "api_test"), bool(f, "pen_test"), bool(f, "check_list"), tags(f),
                ids(f.get("notes")), time(f, "created"), time(f, "updated"), text(f, "progress"),
                text(f, "tmodel_path"), bool(f, "done_testing"), text(f, "reason"), text(f, "tracker"),
                text(f, "test_strategy"), date(f, "first_contacted")));
    }

    private void test(int pk, JsonNode f) {
        int testType = f.path("test_type").asInt();
        String scanType = text(f, "scan_type");
        if (scanType == null) {
            TestTypeRecord type = store.testTypes.get(testType);
            scanType = type == null ? null : type.name();
        }
        store.tests.put(pk, new TestRecord(pk, f.path("engagement").asInt(), testType, scanType, text(f, "title"),
                text(f, "description"), time(f, "target_start"), time(f, "target_end"), integer(f, "percent_complete"),
                text(f, "version"), text(f, "build_id"), text(f, "commit_hash"), text(f, "branch_tag"),
                user(f.get("lead")), f.path("environment").asInt(FindingRecord.NO_ID), tags(f), ids(f.get("notes")),
                time(f, "created"), time(f, "updated")));
    }

    private FindingRecord finding(int pk, JsonNode f) {
        FindingRecord r = new FindingRecord();
        r.id = pk;
        r.test = f.path("test").asInt();
        r.title = text(f, "title");
        r.severity = (byte) Severity.parseLenient(text(f, "severity")).ordinal();
        r.description = text(f, "description");
        r.mitigation = text(f, "mitigation");
        r.impact = text(f, "impact");
        r.stepsToReproduce = text(f, "steps_to_reproduce");
        r.severityJustification = text(f, "severity_justification");
        r.references = text(f, "references");
        r.date = date(f, "date");
        r.created = time(f, "created");
        r.updated = time(f, "updated");
        r.mitigated = time(f, "mitigated");
        r.mitigatedBy = user(f.get("mitigated_by"));
        r.lastReviewed = time(f, "last_reviewed");
        r.lastReviewedBy = user(f.get("last_reviewed_by"));
        r.lastStatusUpdate = time(f, "last_status_update");
        r.reporter = user(f.get("reporter"));
        r.reviewRequestedBy = user(f.get("review_requested_by"));
        r.defectReviewRequestedBy = user(f.get("defect_review_requested_by"));
        r.duplicateFinding = f.path("duplicate_finding").asInt(FindingRecord.NO_ID);
        r.cwe = f.path("cwe").asInt(0);
        r.epssScore = epss(f.get("epss_score"));
        r.epssPercentile = epss(f.get("epss_percentile"));
        r.kevDate = date(f, "kev_date");
        r.slaStartDate = date(f, "sla_start_date");
        r.slaExpirationDate = date(f, "sla_expiration_date");
        r.publishDate = date(f, "publish_date");
        r.plannedRemediationDate = date(f, "planned_remediation_date");
        r.cvssv3 = text(f, "cvssv3");
        if (f.hasNonNull("cvssv3_score")) {
            r.cvssv3Score = (short) Math.round(f.get("cvssv3_score").asDouble() * 10);
        }
        r.componentName = text(f, "component_name");
        r.componentVersion = text(f, "component_version");
        r.filePath = text(f, "file_path");
        r.line = f.path("line").asInt(FindingRecord.NO_ID);
        r.param = text(f, "param");
        r.payload = text(f, "payload");
        r.uniqueIdFromTool = text(f, "unique_id_from_tool");
        r.vulnIdFromTool = text(f, "vuln_id_from_tool");
        r.hashCode = text(f, "hash_code");
        r.fixVersion = text(f, "fix_version");
        r.service = text(f, "service");
        r.effortForFixing = text(f, "effort_for_fixing");
        r.plannedRemediationVersion = text(f, "planned_remediation_version");
        r.nbOccurences = f.path("nb_occurences").asInt(FindingRecord.NO_ID);
        r.scannerConfidence = f.path("scanner_confidence").asInt(FindingRecord.NO_ID);
        r.sastSourceLine = f.path("sast_source_line").asInt(FindingRecord.NO_ID);
        r.sastSourceObject = text(f, "sast_source_object");
        r.sastSinkObject = text(f, "sast_sink_object");
        r.sastSourceFilePath = text(f, "sast_source_file_path");
        r.url = text(f, "url");
        r.threadId = f.path("thread_id").asInt(0);
        r.sonarqubeIssue = f.path("sonarqube_issue").asInt(FindingRecord.NO_ID);
        r.set(FindingRecord.ACTIVE, f.path("active").asBoolean(true));
        r.set(FindingRecord.VERIFIED, bool(f, "verified"));
        r.set(FindingRecord.FALSE_P, bool(f, "false_p"));
        r.set(FindingRecord.DUPLICATE, bool(f, "duplicate"));
        r.set(FindingRecord.OUT_OF_SCOPE, bool(f, "out_of_scope"));
        // Older dumps have no is_mitigated column: a mitigation timestamp implied it.
        r.set(FindingRecord.IS_MITIGATED, f.has("is_mitigated") ? bool(f, "is_mitigated") : r.mitigated != FindingRecord.NO_TIME);
        r.set(FindingRecord.RISK_ACCEPTED, bool(f, "risk_accepted"));
        r.set(FindingRecord.UNDER_REVIEW, bool(f, "under_review"));
        r.set(FindingRecord.UNDER_DEFECT_REVIEW, bool(f, "under_defect_review"));
        r.set(FindingRecord.STATIC_FINDING, bool(f, "static_finding"));
        r.set(FindingRecord.DYNAMIC_FINDING, f.path("dynamic_finding").asBoolean(true));
        r.set(FindingRecord.KNOWN_EXPLOITED, bool(f, "known_exploited"));
        r.set(FindingRecord.RANSOMWARE_USED, bool(f, "ransomware_used"));
        if (f.hasNonNull("fix_available")) {
            r.set(FindingRecord.FIX_AVAILABLE_KNOWN, true);
            r.set(FindingRecord.FIX_AVAILABLE, bool(f, "fix_available"));
        }
        List<String> vulnIds = new ArrayList<>(vulnerabilityIds.getOrDefault(pk, List.of()));
        if (vulnIds.isEmpty() && text(f, "cve") != null && !text(f, "cve").isEmpty()) {
            vulnIds.add(text(f, "cve"));
        }
        r.vulnerabilityIds = vulnIds.toArray(String[]::new);
        r.tags = tags(f);
        r.foundBy = ids(f.get("found_by"));
        r.reviewers = users(f.get("reviewers"));
        r.notes = ids(f.get("notes"));
        return r;
    }

    private String[] tags(JsonNode f) {
        JsonNode tags = f.get("tags");
        List<String> names = new ArrayList<>();
        if (tags != null && tags.isArray()) {
            tags.forEach(t -> names.add(t.isArray() ? t.path(0).asString() : t.asString()));
        } else if (tags != null && tags.isString()) {
            for (String t : tags.asString().split(",")) {
                if (!t.isBlank()) {
                    names.add(t.trim());
                }
            }
        }
        return store.tags(names);
    }

    private static int[] ids(JsonNode array) {
        if (array == null || !array.isArray()) {
            return FindingRecord.NO_IDS;
        }
        List<Integer> ids = new ArrayList<>();
        array.forEach(n -> {
            if (n.isNumber() || (n.isString() && n.asString().matches("\\d+"))) {
                ids.add(n.asInt());
            }
        });
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String text(JsonNode f, String name) {
        JsonNode n = f.get(name);
        return n == null || n.isNull() ? null : n.asString();
    }

    private static String textOr(JsonNode f, String name, String fallback) {
        String t = text(f, name);
        return t == null ? fallback : t;
    }

    private static boolean bool(JsonNode f, String name) {
        return f.path(name).asBoolean(false);
    }

    private static Integer integer(JsonNode f, String name) {
        JsonNode n = f.get(name);
        return n == null || n.isNull() ? null : n.asInt();
    }

    private static int epss(JsonNode n) {
        return n == null || n.isNull() ? FindingRecord.NO_EPSS : (int) Math.round(n.asDouble() * 100_000);
    }

    private static int date(JsonNode f, String name) {
        String t = text(f, name);
        if (t == null || t.isEmpty()) {
            return FindingRecord.NO_DAY;
        }
        try {
            return (int) LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t).toEpochDay();
        } catch (RuntimeException e) {
            return FindingRecord.NO_DAY;
        }
    }

    private static long time(JsonNode f, String name) {
        String t = text(f, name);
        if (t == null || t.isEmpty()) {
            return FindingRecord.NO_TIME;
        }
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            try {
                return Instant.parse(t).toEpochMilli();
            } catch (RuntimeException e2) {
                try {
                    return t.length() == 10 ? LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()
                            : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (RuntimeException e3) {
                    return FindingRecord.NO_TIME;
                }
            }
        }
    }
}
