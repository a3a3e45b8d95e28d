package dev.dojomcp.audit.verify;

import dev.dojomcp.audit.HmacKey;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/** Check 1 of the format: newline, UTF-8, one JSON object, canonical, and the members every record has. */
final class LineFormat {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /** A record, or why the line is not one ({@code seq} when the line still shows it). */
    record Checked(AuditRecord record, Reason reason, String detail, Long seq) {
        boolean ok() {
            return record != null;
        }
    }

    private LineFormat() {
    }

    static Checked check(Line line) {
        if (line.tooLong()) {
            return bad(Reason.BAD_FORMAT, "line longer than " + LineReader.MAX_LINE + " bytes", null);
        }
        if (!line.terminated()) {
            return bad(Reason.BAD_FORMAT, "the line does not end with a newline", seqOf(line));
        }
        String text = Jcs.utf8(line.bytes());
        if (text == null) {
            return bad(Reason.BAD_FORMAT, "not UTF-8", null);
        }
        Map<String, Object> fields = Jcs.object(text);
        if (fields == null) {
            return bad(Reason.BAD_FORMAT, "not a JSON object", null);
        }
        Long seq = seq(fields.get("seq"));
        String unsupported = Jcs.unsupportedValue(fields);
        if (unsupported != null) {
            return bad(Reason.BAD_FORMAT, unsupported, seq);
        }
        if (!Jcs.isCanonical(text)) {
            return bad(Reason.MODIFIED, "not in canonical form", seq);
        }
        if (!Integer.valueOf(1).equals(fields.get("v"))) {
            return bad(Reason.BAD_FORMAT, "v is not 1", seq);
        }
        if (seq == null || seq < 1) {
            return bad(Reason.BAD_FORMAT, "seq is not an integer >= 1", null);
        }
        if (!(fields.get("key_id") instanceof String keyId) || !HmacKey.ID.matcher(keyId).matches()) {
            return bad(Reason.BAD_FORMAT, "key_id is missing or malformed", seq);
        }
        if (!(fields.get("prev") instanceof String prev) || !HEX64.matcher(prev).matches()) {
            return bad(Reason.BAD_FORMAT, "prev is not 64 lower-case hex characters", seq);
        }
        if (!(fields.get("hmac") instanceof String hmac) || !HEX64.matcher(hmac).matches()) {
            return bad(Reason.BAD_FORMAT, "hmac is not 64 lower-case hex characters", seq);
        }
        return new Checked(new AuditRecord(line, fields, seq, keyId, prev, hmac), null, null, seq);
    }

    /** An integer {@code seq} as a long, or {@code null}. */
    static Long seq(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        return null;
    }

    /** The {@code seq} of a line read leniently (for ordering files and looking ahead), or {@code null}. */
    static Long seqOf(Line line) {
        if (line.tooLong()) {
            return null;
        }
        Map<String, Object> fields = Jcs.object(line.bytes());
        return fields == null ? null : seq(fields.get("seq"));
    }

    private static Checked bad(Reason reason, String detail, Long seq) {
        return new Checked(null, reason, detail, seq);
    }
}
