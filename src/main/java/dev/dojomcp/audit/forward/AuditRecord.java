package dev.dojomcp.audit.forward;

import java.nio.charset.StandardCharsets;

/**
 * One complete line of the audit file: the exact bytes (without the final {@code \n}) and the few fields the sinks
 * need. {@code after} is where reading resumes once this record is delivered.
 */
record AuditRecord(long seq, String type, String outcome, String time, byte[] line, Position after) {
    String text() {
        return new String(line, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AuditRecord[seq=" + seq + ", type=" + type + "]";
    }
}
