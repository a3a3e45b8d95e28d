package dev.dojomcp.audit;

import dev.dojomcp.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The key of the HMAC chain and its id; the key bytes are the UTF-8 bytes of the configured text. */
public final class HmacKey {
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MIN_LENGTH = 32;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{" + MIN_LENGTH + ",}");

    private final String id;
    private final Secret key;
    private final boolean ephemeral;

    private HmacKey(String id, Secret key, boolean ephemeral) {
        this.id = id;
        this.key = key;
        this.ephemeral = ephemeral;
    }

    public static HmacKey of(String id, String key) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key id must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key must be at least " + MIN_LENGTH
                    + " printable ASCII characters without spaces");
        }
        return new HmacKey(id, Secret.of(key), false);
    }

    /** A random key that dies with the process: its chain cannot be verified afterwards. */
    public static HmacKey ephemeral() {
        byte[] idBytes = new byte[4];
        new SecureRandom().nextBytes(idBytes);
        return new HmacKey("ephemeral-" + HexFormat.of().formatHex(idBytes), Secret.of(generateText()), true);
    }

    /** 32 random bytes as unpadded base64url: 43 characters. */
    public static String generateText() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String id() {
        return id;
    }

    public boolean isEphemeral() {
        return ephemeral;
    }

    public Secret secret() {
        return key;
    }

    /** Lower-case hex HMAC-SHA256 of the UTF-8 text. */
    public String mac(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "HmacKey[" + id + "]";
    }
}
