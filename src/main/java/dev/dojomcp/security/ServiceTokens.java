package dev.dojomcp.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Looks a presented token up among the role bindings in constant time: every binding is compared, by
 * SHA-256 digest (so token lengths do not show either), whatever matched earlier.
 */
final class ServiceTokens {
    private record Entry(byte[] digest, RoleBinding binding) {
    }

    private final List<Entry> entries;

    ServiceTokens(List<RoleBinding> bindings) {
        this.entries = bindings.stream().map(b -> new Entry(sha256(b.token().reveal()), b)).toList();
    }

    Optional<Caller> match(String presented) {
        byte[] digest = sha256(presented);
        RoleBinding found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(digest, e.digest()) && found == null) {
                found = e.binding();
            }
        }
        return Optional.ofNullable(found).map(b -> Caller.service(b.callerId(), b.role()));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
