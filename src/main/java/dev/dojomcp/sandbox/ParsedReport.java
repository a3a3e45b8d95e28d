package dev.dojomcp.sandbox;

import java.util.List;

/**
 * What a parser read from a report: unsaved findings, each with the severity text the report gave (the importer
 * sanitises it after parsing, as DefectDojo does), the test type the report names ({@code type} of a generic
 * report, defaulting to the scan type; the tool of a SARIF report's first run; null when the report describes
 * no test, as a SARIF report without runs) and its test description (generic JSON only; null when absent).
 * {@code parsed} is false for scan types the sandbox records without reading.
 */
record ParsedReport(List<Item> items, String testType, String description, boolean parsed) {
    record Item(FindingRecord finding, String severity) {
    }

    static ParsedReport unparsed() {
        return new ParsedReport(List.of(), null, null, false);
    }
}
