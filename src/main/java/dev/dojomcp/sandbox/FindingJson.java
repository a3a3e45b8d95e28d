package dev.dojomcp.sandbox;

import java.time.LocalDate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Serialises a finding like DefectDojo's FindingSerializer (§5.3), computing read-only fields on demand. */
final class FindingJson {
    private final SandboxStore store;
    private final EntityJson entities;
    private final int dojoVersion;

    FindingJson(SandboxStore store, EntityJson entities, int dojoVersion) {
        this.store = store;
        this.entities = entities;
        this.dojoVersion = dojoVersion;
    }

    ObjectNode toJson(FindingRecord f, LocalDate today, boolean relatedFields) {
        ObjectNode n = Json.object();
        n.put("id", f.id);
        Json.strings(n, "tags", f.tags);
        n.putObject("request_response").putArray("req_resp");
        n.putArray("accepted_risks");
        n.put("push_to_jira", false);
        n.put("age", age(f, today));
        if (f.slaExpirationDate == FindingRecord.NO_DAY) {
            n.putNull("sla_days_remaining");
        } else {
            n.put("sla_days_remaining", f.slaExpirationDate - today.toEpochDay());
        }
        n.putArray("finding_meta");
        if (relatedFields) {
            n.set("related_fields", relatedFields(f));
        } else {
            n.putNull("related_fields");
        }
        n.putNull("jira_creation");
        n.putNull("jira_change");
        n.put("display_status", displayStatus(f));
        n.putArray("finding_groups");
        ArrayNode vulnIds = n.putArray("vulnerability_ids");
        for (String id : f.vulnerabilityIds) {
            vulnIds.addObject().put("vulnerability_id", id);
        }
        Json.id(n, "reporter", f.reporter);
        if (dojoVersion >= 3) {
            ArrayNode cwes = n.putArray("cwes");
            for (int cwe : f.extraCwes) {
                cwes.addObject().put("cwe", "CWE-" + cwe);
            }
        }
        n.put("title", f.title);
        Json.text(n, "date", Json.date(f.date));
        Json.text(n, "sla_start_date", Json.date(f.slaStartDate));
        Json.text(n, "sla_expiration_date", Json.date(f.slaExpirationDate));
        n.put("cwe", f.cwe);
        epss(n, "epss_score", f.epssScore);
        epss(n, "epss_percentile", f.epssPercentile);
        n.put("known_exploited", f.is(FindingRecord.KNOWN_EXPLOITED));
        n.put("ransomware_used", f.is(FindingRecord.RANSOMWARE_USED));
        Json.text(n, "kev_date", Json.date(f.kevDate));
        Json.text(n, "cvssv3", f.cvssv3);
        if (f.cvssv3Score < 0) {
            n.putNull("cvssv3_score");
        } else {
            n.put("cvssv3_score", f.cvssv3Score / 10.0);
        }
        n.putNull("cvssv4");
        n.putNull("cvssv4_score");
        Json.text(n, "url", f.url);
        n.put("severity", f.severity().label);
        Json.text(n, "description", f.description());
        Json.text(n, "mitigation", f.mitigation);
        if (f.is(FindingRecord.FIX_AVAILABLE_KNOWN)) {
            n.put("fix_available", f.is(FindingRecord.FIX_AVAILABLE));
        } else {
            n.putNull("fix_available");
        }
        Json.text(n, "fix_version", f.fixVersion);
        Json.text(n, "impact", f.impact);
        Json.text(n, "steps_to_reproduce", f.stepsToReproduce);
        Json.text(n, "severity_justification", f.severityJustification);
        Json.text(n, "references", f.references);
        n.put("active", f.is(FindingRecord.ACTIVE));
        n.put("verified", f.is(FindingRecord.VERIFIED));
        n.put("false_p", f.is(FindingRecord.FALSE_P));
        n.put("duplicate", f.is(FindingRecord.DUPLICATE));
        n.put("out_of_scope", f.is(FindingRecord.OUT_OF_SCOPE));
        n.put("risk_accepted", f.is(FindingRecord.RISK_ACCEPTED));
        n.put("under_review", f.is(FindingRecord.UNDER_REVIEW));
        Json.text(n, "last_status_update", Json.dateTime(f.lastStatusUpdate));
        n.put("under_defect_review", f.is(FindingRecord.UNDER_DEFECT_REVIEW));
        n.put("is_mitigated", f.is(FindingRecord.IS_MITIGATED));
        n.put("thread_id", f.threadId);
        Json.text(n, "mitigated", Json.dateTime(f.mitigated));
        n.put("numerical_severity", f.severity().numerical());
        Json.text(n, "param", f.param);
        Json.text(n, "payload", f.payload);
        Json.text(n, "hash_code", f.hashCodeValue());
        Json.id(n, "line", f.line);
        Json.text(n, "file_path", f.filePath);
        Json.text(n, "component_name", f.componentName);
        Json.text(n, "component_version", f.componentVersion);
        n.put("static_finding", f.is(FindingRecord.STATIC_FINDING));
        n.put("dynamic_finding", f.is(FindingRecord.DYNAMIC_FINDING));
        Json.text(n, "created", Json.dateTime(f.created));
        Json.text(n, "updated", Json.dateTime(f.updated));
        Json.id(n, "scanner_confidence", f.scannerConfidence);
        Json.text(n, "unique_id_from_tool", f.uniqueIdFromTool);
        Json.text(n, "vuln_id_from_tool", f.vulnIdFromTool);
        Json.text(n, "sast_source_object", f.sastSourceObject);
        Json.text(n, "sast_sink_object", f.sastSinkObject);
        Json.id(n, "sast_source_line", f.sastSourceLine);
        Json.text(n, "sast_source_file_path", f.sastSourceFilePath);
        Json.id(n, "nb_occurences", f.nbOccurences);
        Json.text(n, "publish_date", Json.date(f.publishDate));
        Json.text(n, "service", f.service);
        Json.text(n, "planned_remediation_date", Json.date(f.plannedRemediationDate));
        Json.text(n, "planned_remediation_version", f.plannedRemediationVersion);
        Json.text(n, "effort_for_fixing", f.effortForFixing);
        n.put("test", f.test);
        Json.id(n, "duplicate_finding", f.duplicateFinding);
        Json.id(n, "review_requested_by", f.reviewRequestedBy);
        Json.id(n, "defect_review_requested_by", f.defectReviewRequestedBy);
        Json.id(n, "mitigated_by", f.mitigatedBy);
        Json.id(n, "sonarqube_issue", f.sonarqubeIssue);
        n.putArray("endpoints");
        Json.ids(n, "reviewers", f.reviewers);
        ArrayNode notes = n.putArray("notes");
        for (int noteId : f.notes) {
            NoteRecord note = store.notes.get(noteId);
            if (note != null) {
                notes.add(entities.note(note));
            }
        }
        n.putArray("files");
        Json.ids(n, "found_by", f.foundBy);
        Json.text(n, "last_reviewed", Json.dateTime(f.lastReviewed));
        Json.id(n, "last_reviewed_by", f.lastReviewedBy);
        return n;
    }

    private static void epss(ObjectNode n, String name, int value) {
        if (value == FindingRecord.NO_EPSS) {
            n.putNull(name);
        } else {
            n.put(name, value / 100_000.0);
        }
    }

    /** Days from the finding's date to its mitigation date, or to today; never negative. */
    static long age(FindingRecord f, LocalDate today) {
        if (f.date == FindingRecord.NO_DAY) {
            return 0;
        }
        long end = f.mitigated != FindingRecord.NO_TIME ? Filters.dayOf(f.mitigated) : today.toEpochDay();
        return Math.max(0, end - f.date);
    }

    /** Mirrors Finding.status(): flags joined in this fixed order (order recalled from the model; unverified). */
    static String displayStatus(FindingRecord f) {
        StringBuilder s = new StringBuilder();
        if (f.is(FindingRecord.UNDER_REVIEW)) {
            append(s, "Under Review");
        }
        append(s, f.is(FindingRecord.ACTIVE) ? "Active" : "Inactive");
        if (f.is(FindingRecord.VERIFIED)) {
            append(s, "Verified");
        }
        if (f.mitigated != FindingRecord.NO_TIME || f.is(FindingRecord.IS_MITIGATED)) {
            append(s, "Mitigated");
        }
        if (f.is(FindingRecord.FALSE_P)) {
            append(s, "False Positive");
        }
        if (f.is(FindingRecord.OUT_OF_SCOPE)) {
            append(s, "Out Of Scope");
        }
        if (f.is(FindingRecord.DUPLICATE)) {
            append(s, "Duplicate");
        }
        if (f.is(FindingRecord.RISK_ACCEPTED)) {
            append(s, "Risk Accepted");
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String part) {
        if (s.length() > 0) {
            s.append(", ");
        }
        s.append(part);
    }

    private ObjectNode relatedFields(FindingRecord f) {
        ObjectNode related = Json.object();
        TestRecord test = store.tests.get(f.test);
        if (test == null) {
            related.putNull("test");
        } else {
            ObjectNode t = related.putObject("test");
            t.put("id", test.id());
            Json.text(t, "title", test.title());
            ObjectNode type = t.putObject("test_type");
            type.put("id", test.testType());
            TestTypeRecord testType = store.testTypes.get(test.testType());
            Json.text(type, "name", testType == null ? null : testType.name());
            EngagementRecord e = store.engagements.get(test.engagement());
            if (e == null) {
                t.putNull("engagement");
            } else {
                ObjectNode en = t.putObject("engagement");
                en.put("id", e.id());
                Json.text(en, "name", e.name());
                Json.text(en, "description", e.description());
                ProductRecord p = store.products.get(e.product());
                ObjectNode pn = en.putObject("product");
                pn.put("id", e.product());
                Json.text(pn, "name", p == null ? null : p.name());
                ObjectNode ptn = pn.putObject("prod_type");
                ProductTypeRecord pt = p == null ? null : store.productTypes.get(p.prodType());
                ptn.put("id", p == null ? 0 : p.prodType());
                Json.text(ptn, "name", pt == null ? null : pt.name());
                Json.text(en, "target_start", Json.date(e.targetStart()));
                Json.text(en, "target_end", Json.date(e.targetEnd()));
                Json.text(en, "branch_tag", e.branchTag());
                Json.text(en, "engagement_type", e.engagementType());
                Json.text(en, "build_id", e.buildId());
                Json.text(en, "commit_hash", e.commitHash());
                Json.text(en, "version", e.version());
                Json.text(en, "created", Json.dateTime(e.created()));
                Json.text(en, "updated", Json.dateTime(e.updated()));
            }
            NamedRecord env = store.developmentEnvironments.get(test.environment());
            if (env == null) {
                t.putNull("environment");
            } else {
                t.putObject("environment").put("id", env.id()).put("name", env.name());
            }
            Json.text(t, "branch_tag", test.branchTag());
            Json.text(t, "build_id", test.buildId());
            Json.text(t, "commit_hash", test.commitHash());
            Json.text(t, "version", test.version());
        }
        related.putNull("jira");
        return related;
    }
}
