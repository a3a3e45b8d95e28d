package dev.dojomcp.sandbox;

import java.util.Set;
import java.util.function.Function;

import static dev.dojomcp.sandbox.FindingRecord.*;

/** ApiFindingFilter (§5.1) over {@link FindingRecord}s. */
final class FindingFilters {
    private FindingFilters() {
    }

    static FilterSet<FindingRecord> create(SandboxStore store, int dojoVersion) {
        FilterSet<FindingRecord> s = new FilterSet<>();
        // Status flags.
        s.add("active", Filters.bool(f -> f.is(ACTIVE)))
                .add("verified", Filters.bool(f -> f.is(VERIFIED)))
                .add("false_p", Filters.bool(f -> f.is(FALSE_P)))
                .add("duplicate", Filters.bool(f -> f.is(DUPLICATE)))
                .add("out_of_scope", Filters.bool(f -> f.is(OUT_OF_SCOPE)))
                .add("is_mitigated", Filters.bool(f -> f.is(IS_MITIGATED)))
                .add("risk_accepted", Filters.bool(f -> f.is(RISK_ACCEPTED)))
                .add("under_review", Filters.bool(f -> f.is(UNDER_REVIEW)))
                .add("under_defect_review", Filters.bool(f -> f.is(UNDER_DEFECT_REVIEW)))
                .add("static_finding", Filters.bool(f -> f.is(STATIC_FINDING)))
                .add("dynamic_finding", Filters.bool(f -> f.is(DYNAMIC_FINDING)))
                .add("fix_available", Filters.bool(f -> f.is(FIX_AVAILABLE_KNOWN) && f.is(FIX_AVAILABLE)))
                // JIRA is not modelled: no finding has an issue.
                .add("has_jira", Filters.bool(f -> false))
                .add("known_exploited", Filters.bool(f -> f.is(KNOWN_EXPLOITED)))
                .add("ransomware_used", Filters.bool(f -> f.is(RANSOMWARE_USED)));
        if (dojoVersion >= 3) {
            s.add("mitigation_available", Filters.bool(f -> f.mitigation != null && !f.mitigation.isEmpty()));
        }
        // Text.
        s.add("title", Filters.icontains(f -> f.title))
                .add("exact_title", Filters.iexact(f -> f.title))
                .add("description", Filters.icontains(FindingRecord::description))
                .add("mitigation", Filters.icontains(f -> f.mitigation))
                .add("impact", Filters.icontains(f -> f.impact))
                .add("steps_to_reproduce", Filters.icontains(f -> f.stepsToReproduce))
                .add("severity_justification", Filters.icontains(f -> f.severityJustification))
                .add("references", Filters.icontains(f -> f.references))
                .add("component_name", Filters.icontains(f -> f.componentName))
                .add("component_version", Filters.icontains(f -> f.componentVersion))
                .add("file_path", Filters.icontains(f -> f.filePath))
                .add("param", Filters.icontains(f -> f.param))
                .add("payload", Filters.icontains(f -> f.payload))
                .add("hash_code", Filters.icontains(FindingRecord::hashCodeValue))
                .add("unique_id_from_tool", Filters.icontains(f -> f.uniqueIdFromTool))
                .add("vuln_id_from_tool", Filters.exact(f -> f.vulnIdFromTool))
                .add("vulnerability_id", Filters.exactInAny(f -> f.vulnerabilityIds))
                .add("severity", Filters.exactIn(f -> f.severity().label))
                .add("numerical_severity", Filters.exactIn(f -> f.severity().numerical()))
                .add("product_name", Filters.iexact(f -> productField(store, f, ProductRecord::name)))
                .add("product_name_contains", Filters.icontains(f -> productField(store, f, ProductRecord::name)))
                .add("product_lifecycle", Filters.exactIn(f -> productField(store, f, ProductRecord::lifecycle)))
                .add("cvssv3", Filters.exact(f -> f.cvssv3))
                .add("fix_version", Filters.exact(f -> f.fixVersion))
                .add("service", Filters.exact(f -> f.service))
                .add("sast_source_object", Filters.exact(f -> f.sastSourceObject))
                .add("sast_sink_object", Filters.exact(f -> f.sastSinkObject))
                .add("sast_source_file_path", Filters.exact(f -> f.sastSourceFilePath))
                .add("planned_remediation_version", Filters.exact(f -> f.plannedRemediationVersion))
                .add("effort_for_fixing", Filters.exact(f -> f.effortForFixing));
        // Numbers and ids.
        s.add("id", Filters.numberIn(f -> f.id))
                .add("cwe", Filters.numberIn(f -> f.cwe))
                .add("test", Filters.modelChoice(f -> f.test, id -> store.tests.containsKey((int) id)))
                .add("test__test_type", Filters.numberIn(f -> store.testTypeOfTest(f.test)))
                .add("test__engagement", Filters.numberIn(f -> store.engagementOfTest(f.test)))
                .add("test__engagement__product", Filters.numberIn(f -> store.productOfTest(f.test)))
                .add("test__engagement__product__prod_type", Filters.numberIn(f -> store.prodTypeOfTest(f.test)))
                .add("found_by", Filters.numberInAny(f -> f.foundBy))
                .add("reporter", Filters.numberIn(f -> f.reporter))
                .add("mitigated_by", Filters.numberIn(f -> f.mitigatedBy))
                .add("review_requested_by", Filters.numberIn(f -> f.reviewRequestedBy))
                .add("defect_review_requested_by", Filters.numberIn(f -> f.defectReviewRequestedBy))
                .add("last_reviewed_by", Filters.numberIn(f -> f.lastReviewedBy))
                .add("reviewers", Filters.numberInAny(f -> f.reviewers))
                .add("duplicate_finding", Filters.modelChoice(f -> f.duplicateFinding,
                        id -> store.finding((int) id) != null))
                .add("sonarqube_issue", Filters.numberIn(f -> f.sonarqubeIssue))
                .add("nb_occurences", Filters.numberIn(f -> f.nbOccurences))
                .add("scanner_confidence", Filters.numberIn(f -> f.scannerConfidence))
                .add("sast_source_line", Filters.numberIn(f -> f.sastSourceLine))
                .add("epss_score_min", percent(f -> f.epssScore, true))
                .add("epss_score_max", percent(f -> f.epssScore, false))
                .add("epss_percentile_min", percent(f -> f.epssPercentile, true))
                .add("epss_percentile_max", percent(f -> f.epssPercentile, false));
        // Dates.
        s.add("date", Filters.dateRange(f -> f.date))
                .add("created", Filters.dateTimeRange(f -> f.created))
                .add("last_reviewed", Filters.dateTimeRange(f -> f.lastReviewed))
                .add("mitigated", Filters.dateTimeRange(f -> f.mitigated))
                // No JIRA data: any real code matches nothing; invalid codes still fail.
                .add("jira_creation", Filters.dateRange(f -> NO_DAY))
                .add("jira_change", Filters.dateRange(f -> NO_DAY))
                .add("discovered_on", Filters.date(f -> f.date, Filters.Compare.EQUAL))
                .add("discovered_before", Filters.date(f -> f.date, Filters.Compare.BEFORE))
                .add("discovered_after", Filters.date(f -> f.date, Filters.Compare.AFTER))
                .add("mitigated_on", Filters.dateTime(f -> f.mitigated, Filters.Compare.EQUAL, false))
                .add("mitigated_before", Filters.dateTime(f -> f.mitigated, Filters.Compare.BEFORE, false))
                .add("mitigated_after", Filters.dateTime(f -> f.mitigated, Filters.Compare.AFTER, true))
                .add("last_status_update", Filters.dateTime(f -> f.lastStatusUpdate, Filters.Compare.EQUAL, false))
                .add("sla_start_date", Filters.date(f -> f.slaStartDate, Filters.Compare.EQUAL))
                .add("sla_expiration_date", Filters.date(f -> f.slaExpirationDate, Filters.Compare.EQUAL))
                .add("kev_date", Filters.date(f -> f.kevDate, Filters.Compare.EQUAL))
                .add("publish_date", Filters.date(f -> f.publishDate, Filters.Compare.EQUAL))
                .add("planned_remediation_date", Filters.date(f -> f.plannedRemediationDate, Filters.Compare.EQUAL));
        // Special.
        s.add("outside_of_sla", FindingFilters::outsideOfSla)
                .add("risk_acceptance", FindingFilters::riskAcceptance);
        // Tags.
        Filters.addOwnTags(s, f -> f.tags);
        Filters.addParentTags(s, "test__", f -> testTags(store, f));
        Filters.addParentTags(s, "test__engagement__", f -> engagementTags(store, f));
        Filters.addParentTags(s, "test__engagement__product__", f -> {
            ProductRecord p = store.productOfFinding(f);
            return p == null ? NO_STRINGS : p.tags();
        });
        return s;
    }

    private static String productField(SandboxStore store, FindingRecord f, Function<ProductRecord, String> field) {
        ProductRecord p = store.productOfFinding(f);
        return p == null ? null : field.apply(p);
    }

    private static String[] testTags(SandboxStore store, FindingRecord f) {
        TestRecord t = store.tests.get(f.test);
        return t == null ? NO_STRINGS : t.tags();
    }

    private static String[] engagementTags(SandboxStore store, FindingRecord f) {
        EngagementRecord e = store.engagements.get(store.engagementOfTest(f.test));
        return e == null ? NO_STRINGS : e.tags();
    }

    /** PercentageRangeFilter: the bound is in percent 0–100, the stored value a fraction (here in 1e-5 units). */
    private static FilterSet.Filter<FindingRecord> percent(java.util.function.ToIntFunction<FindingRecord> key,
                                                          boolean min) {
        return (name, values, today) -> {
            String v = values.get(values.size() - 1);
            if (v.isEmpty()) {
                return null;
            }
            double percent;
            try {
                percent = new java.math.BigDecimal(v.trim()).doubleValue();
            } catch (NumberFormatException e) {
                throw new FilterSet.InvalidValue(Filters.ENTER_A_NUMBER);
            }
            double bound = percent * 1000.0; // percent → fraction → 1e-5 units
            return f -> {
                int value = key.applyAsInt(f);
                if (value == NO_EPSS) {
                    return false;
                }
                return min ? value >= bound - 1e-9 : value <= bound + 1e-9;
            };
        };
    }

    private static final Set<Integer> SLA_CODES = Set.of(0, 1);

    /** FindingSLAFilter: 1 = SLA violated by an open finding, 0 = no SLA date or one after today. */
    private static java.util.function.Predicate<FindingRecord> outsideOfSla(String name, java.util.List<String> values,
                                                                             java.time.LocalDate today) {
        String v = values.get(values.size() - 1);
        if (v.isEmpty()) {
            return null;
        }
        int code;
        try {
            code = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new FilterSet.InvalidValue("Select a valid choice. " + v + " is not one of the available choices.");
        }
        if (!SLA_CODES.contains(code)) {
            throw new FilterSet.InvalidValue("Select a valid choice. " + v + " is not one of the available choices.");
        }
        long t = today.toEpochDay();
        int closed = FALSE_P | DUPLICATE | OUT_OF_SCOPE | RISK_ACCEPTED | IS_MITIGATED;
        if (code == 1) {
            return f -> f.is(ACTIVE) && (f.flags & closed) == 0 && f.slaExpirationDate != NO_DAY
                    && f.slaExpirationDate < t;
        }
        return f -> f.slaExpirationDate == NO_DAY || f.slaExpirationDate > t;
    }

    /**
     * ExistsRiskAcceptanceFilter: 1 accepted, 2 not accepted, 3 acceptance expired. Risk acceptance objects
     * are not modelled, so code 3 matches nothing.
     */
    private static java.util.function.Predicate<FindingRecord> riskAcceptance(String name, java.util.List<String> values,
                                                                               java.time.LocalDate today) {
        String v = values.get(values.size() - 1);
        return switch (v.trim()) {
            case "" -> null;
            case "1" -> f -> f.is(RISK_ACCEPTED);
            case "2" -> f -> !f.is(RISK_ACCEPTED);
            case "3" -> f -> false;
            default -> throw new FilterSet.InvalidValue(
                    "Select a valid choice. " + v + " is not one of the available choices.");
        };
    }
}
