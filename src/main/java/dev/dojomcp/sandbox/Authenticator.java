package dev.dojomcp.sandbox;

import java.util.Map;

/**
 * DRF TokenAuthentication. DefectDojo answers authentication failures with 403, not 401 (inferred in the
 * reference §3.6: DRF takes the challenge from the first auth class, SessionAuthentication, which has none).
 */
final class Authenticator {
    private final SandboxStore store;
    private final Map<String, Principal> keys;

    Authenticator(SandboxStore store, Map<String, Principal> configuredKeys) {
        this.store = store;
        this.keys = configuredKeys;
    }

    Principal authenticate(String authorization) {
        if (authorization == null) {
            throw ApiError.detail(403, "Authentication credentials were not provided.");
        }
        String[] parts = authorization.trim().split("\\s+");
        if (!parts[0].equalsIgnoreCase("Token")) {
            // Another scheme (Bearer, Basic with bad credentials…) leaves the request unauthenticated.
            throw ApiError.detail(403, "Authentication credentials were not provided.");
        }
        if (parts.length == 1) {
            throw ApiError.detail(403, "Invalid token header. No credentials provided.");
        }
        if (parts.length > 2) {
            throw ApiError.detail(403, "Invalid token header. Token string should not contain spaces.");
        }
        Principal configured = keys.get(parts[1]);
        if (configured != null) {
            return configured;
        }
        Integer userId = store.tokens.get(parts[1]);
        UserRecord user = userId == null ? null : store.users.get(userId);
        if (user == null) {
            throw ApiError.detail(403, "Invalid token.");
        }
        if (!user.isActive()) {
            throw ApiError.detail(403, "User inactive or deleted.");
        }
        // Fixture tokens: superusers get full rights; other users are read-only here because per-object
        // (authorized_users / role) permissions are not modelled.
        return new Principal(user, user.isSuperuser());
    }
}
