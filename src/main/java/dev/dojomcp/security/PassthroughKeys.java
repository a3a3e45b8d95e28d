package dev.dojomcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.dojomcp.config.Secret;
import dev.dojomcp.defectdojo.DefectDojoClient;
import dev.dojomcp.defectdojo.DojoException;
import dev.dojomcp.defectdojo.DojoFailure;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks a caller's own DefectDojo key with one cheap authenticated request ({@code user_profile/}) and
 * remembers the answer by the key's SHA-256 for a short while, so a session costs DefectDojo one extra
 * request per few minutes. Only digests are kept, never keys.
 */
final class PassthroughKeys {
    enum Verdict { VALID, INVALID, UNAVAILABLE }

    private final DefectDojoClient dojo;
    private final Cache<String, Boolean> verdicts;

    PassthroughKeys(DefectDojoClient dojo, Duration remember) {
        this.dojo = dojo;
        this.verdicts = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(remember).build();
    }

    /** A non-reversible identity for a key: the first 16 hex digits of its SHA-256. */
    /** First 16 hex characters of SHA-256: identifies a secret (a key, a session id) without revealing it. */
    static String fingerprint(String key) {
        return digest(key).substring(0, 16);
    }

    Verdict verify(String key) {
        String digest = digest(key);
        Boolean known = verdicts.getIfPresent(digest);
        if (known != null) {
            return known ? Verdict.VALID : Verdict.INVALID;
        }
        try {
            dojo.as(Secret.of(key)).userProfile();
            verdicts.put(digest, true);
            return Verdict.VALID;
        } catch (DojoException e) {
            if (e.failure() == DojoFailure.AUTH) {
                verdicts.put(digest, false);
                return Verdict.INVALID;
            }
            return Verdict.UNAVAILABLE;
        }
    }

    private static String digest(String key) {
        return HexFormat.of().formatHex(ServiceTokens.sha256(key));
    }
}
