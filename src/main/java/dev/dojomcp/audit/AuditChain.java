package dev.dojomcp.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns event fields into chained records: adds {@code v, seq, time, type, run, key_id, prev}, signs
 * checkpoints, and computes {@code hmac} over the canonical form of everything else. Not thread-safe:
 * {@link AuditLog} seals and writes under one lock, and {@link #commit} only after the write succeeded,
 * so a record that never reached the file leaves no hole in the chain.
 */
final class AuditChain {
    static final int VERSION = 1;
    static final Set<String> RESERVED = Set.of("v", "seq", "time", "type", "run", "key_id", "prev", "hmac",
            "head_seq", "head_hmac", "sign_key", "sig");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final HmacKey key;
    private final Ed25519.Signer signer;
    private final String run;
    private final Clock clock;
    private ChainHead head;

    AuditChain(HmacKey key, Ed25519.Signer signer, String run, Clock clock, ChainHead head) {
        this.key = key;
        this.signer = signer;
        this.run = run;
        this.clock = clock;
        this.head = head;
    }

    ChainHead head() {
        return head;
    }

    HmacKey key() {
        return key;
    }

    boolean signs() {
        return signer != null;
    }

    SealedRecord seal(String type, Map<String, ?> fields) {
        for (String name : fields.keySet()) {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("reserved audit field " + name);
            }
        }
        Map<String, Object> record = new LinkedHashMap<>(fields);
        record.putAll(header(type));
        return finish(type, record);
    }

    /** A checkpoint covering the current head, signed; {@code null} without a signing key. */
    SealedRecord sealCheckpoint() {
        if (signer == null) {
            return null;
        }
        Map<String, Object> record = header("checkpoint");
        record.put("head_seq", head.seq());
        record.put("head_hmac", head.hmac());
        record.put("sign_key", signer.fingerprint());
        record.put("sig", signer.sign(Canonical.of(record)));
        return finish("checkpoint", record);
    }

    private Map<String, Object> header(String type) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("v", VERSION);
        record.put("seq", head.seq() + 1);
        record.put("time", TIME.format(clock.instant()));
        record.put("type", type);
        record.put("run", run);
        record.put("key_id", key.id());
        record.put("prev", head.hmac());
        return record;
    }

    private SealedRecord finish(String type, Map<String, Object> record) {
        String hmac = key.mac(Canonical.of(record));
        record.put("hmac", hmac);
        return new SealedRecord(((Number) record.get("seq")).longValue(), type, hmac, Canonical.of(record));
    }

    void commit(SealedRecord record) {
        head = new ChainHead(record.seq(), record.hmac(), key.id());
    }
}
