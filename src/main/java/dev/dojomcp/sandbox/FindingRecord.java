package dev.dojomcp.sandbox;

/**
 * One finding, kept compact so a million fit in a default heap: primitives with sentinels for null
 * ({@link #NO_DAY}, {@link #NO_TIME}, {@link #NO_ID}, {@link #NO_EPSS}), shared strings and arrays,
 * and descriptions rendered from shared templates on demand.
 */
final class FindingRecord implements Cloneable {
    static final int NO_DAY = Integer.MIN_VALUE;
    static final long NO_TIME = Long.MIN_VALUE;
    static final int NO_ID = 0;
    static final int NO_EPSS = -1;
    static final int[] NO_IDS = new int[0];
    static final String[] NO_STRINGS = new String[0];

    static final int ACTIVE = 1;
    static final int VERIFIED = 1 << 1;
    static final int FALSE_P = 1 << 2;
    static final int DUPLICATE = 1 << 3;
    static final int OUT_OF_SCOPE = 1 << 4;
    static final int IS_MITIGATED = 1 << 5;
    static final int RISK_ACCEPTED = 1 << 6;
    static final int UNDER_REVIEW = 1 << 7;
    static final int UNDER_DEFECT_REVIEW = 1 << 8;
    static final int STATIC_FINDING = 1 << 9;
    static final int DYNAMIC_FINDING = 1 << 10;
    static final int KNOWN_EXPLOITED = 1 << 11;
    static final int RANSOMWARE_USED = 1 << 12;
    static final int FIX_AVAILABLE = 1 << 13;
    static final int FIX_AVAILABLE_KNOWN = 1 << 14;
    /** description holds a template with {component}, {version}, {file} and {title} placeholders. */
    static final int TEMPLATED_DESCRIPTION = 1 << 15;
    /** hash_code is derived on demand (generated data) instead of stored. */
    static final int DERIVED_HASH = 1 << 16;

    int id;
    int test;
    int flags;
    byte severity;
    String title;
    String description;
    String mitigation;
    String impact;
    String stepsToReproduce;
    String severityJustification;
    String references;
    int date = NO_DAY;
    long created = NO_TIME;
    long updated = NO_TIME;
    long mitigated = NO_TIME;
    int mitigatedBy = NO_ID;
    long lastReviewed = NO_TIME;
    int lastReviewedBy = NO_ID;
    long lastStatusUpdate = NO_TIME;
    int reporter = NO_ID;
    int reviewRequestedBy = NO_ID;
    int defectReviewRequestedBy = NO_ID;
    int duplicateFinding = NO_ID;
    int cwe;
    /** EPSS in units of 1e-5 (so 0.00043 is 43); {@link #NO_EPSS} = null. */
    int epssScore = NO_EPSS;
    int epssPercentile = NO_EPSS;
    int kevDate = NO_DAY;
    int slaStartDate = NO_DAY;
    int slaExpirationDate = NO_DAY;
    int publishDate = NO_DAY;
    int plannedRemediationDate = NO_DAY;
    String cvssv3;
    /** CVSS v3 score ×10, -1 = null. */
    short cvssv3Score = -1;
    String componentName;
    String componentVersion;
    String filePath;
    int line = NO_ID;
    String param;
    String payload;
    String uniqueIdFromTool;
    String vulnIdFromTool;
    String hashCode;
    String fixVersion;
    String service;
    String effortForFixing;
    String plannedRemediationVersion;
    int nbOccurences = NO_ID;
    int scannerConfidence = NO_ID;
    int sastSourceLine = NO_ID;
    String sastSourceObject;
    String sastSinkObject;
    String sastSourceFilePath;
    String url;
    int threadId;
    int sonarqubeIssue = NO_ID;
    String[] vulnerabilityIds = NO_STRINGS;
    String[] tags = NO_STRINGS;
    int[] foundBy = NO_IDS;
    int[] reviewers = NO_IDS;
    int[] notes = NO_IDS;
    int[] extraCwes = NO_IDS;

    /** A shallow copy; writers replace arrays instead of changing them, so sharing them is safe. */
    FindingRecord copy() {
        try {
            return (FindingRecord) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    boolean is(int flag) {
        return (flags & flag) != 0;
    }

    void set(int flag, boolean value) {
        flags = value ? flags | flag : flags & ~flag;
    }

    Severity severity() {
        return Severity.of(severity);
    }

    String description() {
        if (!is(TEMPLATED_DESCRIPTION) || description == null) {
            return description;
        }
        return description.replace("{title}", title)
                .replace("{component}", componentName == null ? "the application" : componentName)
                .replace("{version}", componentVersion == null ? "" : componentVersion)
                .replace("{file}", filePath == null ? "" : filePath);
    }

    String hashCodeValue() {
        if (!is(DERIVED_HASH)) {
            return hashCode;
        }
        return Hashes.sha256Hex(title + "|" + cwe + "|" + (line == NO_ID ? "" : line) + "|"
                + (filePath == null ? "" : filePath) + "|" + description());
    }
}
