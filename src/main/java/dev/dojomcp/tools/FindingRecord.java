package dev.dojomcp.tools;

/** A tool output about one finding: the audit trail remembers which findings a session has read. */
public interface FindingRecord {
    long findingId();
}
