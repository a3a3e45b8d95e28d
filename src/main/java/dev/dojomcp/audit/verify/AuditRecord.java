package dev.dojomcp.audit.verify;

import java.util.Map;

/** A line that passed the format check (check 1), with the members every record has. */
record AuditRecord(Line line, Map<String, Object> fields, long seq, String keyId, String prev, String hmac) {
    String text(String name) {
        return fields.get(name) instanceof String s ? s : null;
    }

    String type() {
        return text("type");
    }

    boolean isCheckpoint() {
        return "checkpoint".equals(type());
    }

    boolean isChainStart(String status) {
        return "chain_start".equals(type()) && status.equals(text("status"));
    }
}
