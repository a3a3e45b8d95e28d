package dev.dojomcp.findings;

/** DefectDojo's severities, spelled exactly as its case-sensitive {@code severity} filter expects. */
public enum Severity {
    Critical, High, Medium, Low, Info
}
