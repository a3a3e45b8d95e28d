package dev.dojomcp.audit.verify;

import dev.dojomcp.audit.Ed25519;
import dev.dojomcp.audit.HmacKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks of one record on its own: its HMAC (check 3) and, for a checkpoint, its signature (check 7). */
final class RecordChecks {
    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");

    private final Map<String, HmacKey> keys;
    private final Ed25519.Verifier publicKey;

    RecordChecks(Map<String, HmacKey> keys, Ed25519.Verifier publicKey) {
        this.keys = keys;
        this.publicKey = publicKey;
    }

    boolean checksHmac() {
        return !keys.isEmpty();
    }

    /** {@code null} when the HMAC verifies; else unknown key id or modified. Call only when {@link #checksHmac}. */
    Reason hmacProblem(AuditRecord record) {
        HmacKey key = keys.get(record.keyId());
        if (key == null) {
            return Reason.UNKNOWN_KEY_ID;
        }
        return key.mac(Jcs.of(without(record.fields(), "hmac"))).equals(record.hmac()) ? null : Reason.MODIFIED;
    }

    String hmacDetail(AuditRecord record, Reason problem) {
        return problem == Reason.UNKNOWN_KEY_ID ? "no key given for key id " + record.keyId()
                : "the hmac does not verify with key " + record.keyId();
    }

    /**
     * Why a checkpoint fails check 7, or {@code null}. The form of {@code sign_key} and {@code sig} is
     * checked even without a public key, as the Python verifier does.
     */
    String checkpointProblem(AuditRecord record) {
        if (!Long.valueOf(record.seq() - 1).equals(LineFormat.seq(record.fields().get("head_seq")))) {
            return "head_seq is not seq - 1";
        }
        if (!record.prev().equals(record.text("head_hmac"))) {
            return "head_hmac is not prev";
        }
        String signKey = record.text("sign_key");
        if (signKey == null || !HEX16.matcher(signKey).matches()) {
            return "sign_key is missing or not 16 lower-case hex characters";
        }
        String sig = record.text("sig");
        if (!isSignature(sig)) {
            return "sig is not the standard base64 of 64 bytes";
        }
        if (publicKey == null) {
            return null;
        }
        if (!publicKey.fingerprint().equals(signKey)) {
            return "signed by key " + signKey + ", not by the given public key " + publicKey.fingerprint();
        }
        if (!publicKey.verify(Jcs.of(without(record.fields(), "hmac", "sig")), sig)) {
            return "the Ed25519 signature does not verify";
        }
        return null;
    }

    /** Standard base64 with padding of 64 bytes, in its one canonical spelling (unused bits zero). */
    private static boolean isSignature(String sig) {
        if (sig == null || sig.length() != 88) {
            return false;
        }
        try {
            byte[] raw = Base64.getDecoder().decode(sig);
            return raw.length == 64 && Base64.getEncoder().encodeToString(raw).equals(sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> without(Map<String, Object> fields, String... names) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        for (String name : names) {
            copy.remove(name);
        }
        return copy;
    }
}
