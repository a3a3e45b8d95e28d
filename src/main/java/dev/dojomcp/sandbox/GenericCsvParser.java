package dev.dojomcp.sandbox;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV flavour of "Generic Findings Import" ({@code dojo/tools/generic/csv_parser.py}): a header row with
 * at least Date, Title, Description and Severity, optional columns (CweId, Mitigation, Impact, References,
 * Active, Verified, FalsePositive, Duplicate, IsMitigated, MitigatedDate, CVE, Vulnerability Id, CweIds,
 * epss_score, epss_percentile, CVSSV3, kev_date, known_exploited, ransomware_used, fix_available, fix_version).
 * Rows with the same severity, title and description become one finding with an occurrence count, as in
 * DefectDojo. Url (an endpoint), CVSSV4 and CVSSV4_score are read by DefectDojo but not modelled here.
 */
final class GenericCsvParser {
    private static final Set<String> SEVERITIES = Set.of("Info", "Low", "Medium", "High", "Critical");
    /** A CVSS v3 vector inside free text; DefectDojo uses the cvss library, this is the sandbox's approximation. */
    private static final Pattern CVSS3 = Pattern.compile("CVSS:3\\.[01](?:/[A-Za-z]{1,3}:[A-Za-z])+");

    private GenericCsvParser() {
    }

    static ParsedReport parse(byte[] content, SandboxStore store) {
        CsvTable table = CsvTable.parse(utf8(content));
        Map<String, ParsedReport.Item> byKey = new LinkedHashMap<>();
        for (Map<String, String> row : table.rows()) {
            ParsedReport.Item item = finding(row, table.header(), store);
            FindingRecord f = item.finding();
            String key = item.severity() + "|" + f.title + "|" + f.description;
            ParsedReport.Item first = byKey.get(key);
            if (first == null) {
                byKey.put(key, item);
            } else {
                merge(first.finding(), f);
            }
        }
        return new ParsedReport(new ArrayList<>(byKey.values()), ReportParsers.GENERIC, null, true);
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            // Python's UnicodeDecodeError is a ValueError, so DefectDojo answers 400 too (its text differs).
            throw new ReportError("The CSV report is not UTF-8 text.");
        }
    }

    private static ParsedReport.Item finding(Map<String, String> row, List<String> header, SandboxStore store) {
        FindingRecord f = new FindingRecord();
        f.title = store.intern(required(row, header, "Title"));
        f.description = required(row, header, "Description");
        f.date = (int) ReportDates.parse(required(row, header, "Date")).date().toEpochDay();
        String rawSeverity = required(row, header, "Severity");
        String severity = SEVERITIES.contains(rawSeverity) ? rawSeverity : "Info";
        f.nbOccurences = 1;
        // Model defaults (active, dynamic_finding), then the columns that are present.
        f.set(FindingRecord.ACTIVE, true);
        f.set(FindingRecord.DYNAMIC_FINDING, true);
        f.set(FindingRecord.DUPLICATE, bool(row.getOrDefault("Duplicate", "FALSE")));
        if (row.containsKey("Active")) {
            f.set(FindingRecord.ACTIVE, bool(row.get("Active")));
        }
        if (row.containsKey("IsMitigated")) {
            f.set(FindingRecord.IS_MITIGATED, bool(row.get("IsMitigated")));
        }
        if (row.containsKey("MitigatedDate")) {
            f.mitigated = ReportDates.parse(nonNull(row.get("MitigatedDate"))).epochMillis();
        }
        f.mitigation = row.get("Mitigation");
        f.impact = row.get("Impact");
        f.references = row.get("References");
        if (row.containsKey("Verified")) {
            f.set(FindingRecord.VERIFIED, bool(row.get("Verified")));
        }
        if (row.containsKey("FalsePositive")) {
            f.set(FindingRecord.FALSE_P, bool(row.get("FalsePositive")));
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        // DefectDojo keeps an empty CVE cell as an empty id; the sandbox leaves it out.
        if (row.get("CVE") != null && !row.get("CVE").isEmpty()) {
            ids.add(row.get("CVE"));
        }
        if (row.get("Vulnerability Id") != null && !row.get("Vulnerability Id").isEmpty()) {
            ids.add(row.get("Vulnerability Id"));
        }
        f.vulnerabilityIds = ids.toArray(String[]::new);
        if (row.containsKey("CweId")) {
            f.cwe = PythonNumbers.toInt(row.get("CweId"));
        }
        if (row.get("CweIds") != null && !row.get("CweIds").isEmpty()) {
            List<Integer> cwes = new ArrayList<>();
            for (String token : row.get("CweIds").replace(",", "\n").strip().split("\\s+")) {
                Integer n = Cwes.number(token);
                if (n != null && !cwes.contains(n)) {
                    cwes.add(n);
                }
            }
            if (!cwes.isEmpty() && f.cwe == 0) {
                f.cwe = cwes.get(0);
            }
            f.extraCwes = cwes.stream().filter(n -> n != f.cwe).mapToInt(Integer::intValue).toArray();
        }
        if (row.containsKey("epss_score")) {
            f.epssScore = (int) Math.round(PythonNumbers.toFloat(row.get("epss_score")) * 100_000);
        }
        if (row.containsKey("epss_percentile")) {
            f.epssPercentile = (int) Math.round(PythonNumbers.toFloat(row.get("epss_percentile")) * 100_000);
        }
        if (row.get("CVSSV3") != null) {
            Matcher m = CVSS3.matcher(row.get("CVSSV3"));
            if (m.find()) {
                f.cvssv3 = m.group();
            }
        }
        if (row.containsKey("kev_date")) {
            f.kevDate = (int) ReportDates.parse(nonNull(row.get("kev_date"))).date().toEpochDay();
        }
        // DefectDojo takes bool() of the cell text here: any non-empty cell, "False" included, is true.
        if (row.containsKey("known_exploited")) {
            f.set(FindingRecord.KNOWN_EXPLOITED, nonEmpty(row.get("known_exploited")));
        }
        if (row.containsKey("ransomware_used")) {
            f.set(FindingRecord.RANSOMWARE_USED, nonEmpty(row.get("ransomware_used")));
        }
        if (row.containsKey("fix_available")) {
            f.set(FindingRecord.FIX_AVAILABLE_KNOWN, true);
            f.set(FindingRecord.FIX_AVAILABLE, nonEmpty(row.get("fix_available")));
        }
        if (row.containsKey("fix_version")) {
            f.fixVersion = row.get("fix_version");
        }
        f.set(FindingRecord.DERIVED_HASH, true);
        return new ParsedReport.Item(f, severity);
    }

    /** A later row with the same severity, title and description adds an occurrence to the first. */
    private static void merge(FindingRecord first, FindingRecord again) {
        first.nbOccurences++;
        LinkedHashSet<String> ids = new LinkedHashSet<>(List.of(first.vulnerabilityIds));
        ids.addAll(List.of(again.vulnerabilityIds));
        first.vulnerabilityIds = ids.toArray(String[]::new);
        if (again.extraCwes.length > 0) {
            LinkedHashSet<Integer> cwes = new LinkedHashSet<>();
            for (int c : first.extraCwes) {
                cwes.add(c);
            }
            for (int c : again.extraCwes) {
                cwes.add(c);
            }
            first.extraCwes = cwes.stream().filter(n -> n != first.cwe).mapToInt(Integer::intValue).toArray();
        }
    }

    /** A missing column is a KeyError in DefectDojo (a 500); the sandbox answers 400 naming the column. */
    private static String required(Map<String, String> row, List<String> header, String column) {
        if (!header.contains(column)) {
            throw new ReportError("Invalid format: the CSV report has no \"" + column + "\" column.");
        }
        return nonNull(row.get(column));
    }

    private static String nonNull(String cell) {
        return cell == null ? "" : cell;
    }

    /** DefectDojo's _convert_bool: true when the text starts with "t" in any case. */
    private static boolean bool(String cell) {
        return cell != null && cell.toLowerCase(Locale.ROOT).startsWith("t");
    }

    private static boolean nonEmpty(String cell) {
        return cell != null && !cell.isEmpty();
    }
}
