package dev.dojomcp.security;

import dev.dojomcp.config.Secret;
import dev.dojomcp.tools.PermissionGroup;
import java.util.Optional;

/**
 * Who is calling, as established by the server — never by anything the client reports about itself
 * ({@code _meta.client_id}, session ids). {@code id} keys rate limits, concurrency slots and audit.
 *
 * <ul>
 * <li>{@code LOCAL}: the stdio client, authenticated by the operating system (whoever started us).
 * <li>{@code SERVICE}: a role token ({@code MCP_ROLE_<NAME>}); calls DefectDojo with the server's keys.
 * <li>{@code PASSTHROUGH}: a caller's own DefectDojo key; DefectDojo's permissions apply. The key lives
 * only as long as the request.
 * <li>{@code OPEN}: unauthenticated HTTP traffic when {@code REQUIRE_AUTH=false}; all of it shares one
 * identity and one mutation bucket.
 * </ul>
 */
public record Caller(String id, Kind kind, Optional<Role> role, Optional<Secret> dojoKey) {
    public enum Kind { LOCAL, SERVICE, PASSTHROUGH, OPEN }

    public static final String OPEN_ACCESS_ID = "open-access";

    public static Caller local() {
        return new Caller("stdio", Kind.LOCAL, Optional.of(Role.ADMIN), Optional.empty());
    }

    public static Caller service(String name, Role role) {
        return new Caller(name, Kind.SERVICE, Optional.of(role), Optional.empty());
    }

    public static Caller passthrough(String fingerprint, Secret key) {
        return new Caller("dojo-key:" + fingerprint, Kind.PASSTHROUGH, Optional.empty(), Optional.of(key));
    }

    public static Caller openAccess() {
        return new Caller(OPEN_ACCESS_ID, Kind.OPEN, Optional.of(Role.ADMIN), Optional.empty());
    }

    /**
     * Service, local and open callers are limited by their role; a passthrough caller may try every tool
     * and DefectDojo decides with the caller's own key.
     */
    public boolean permits(PermissionGroup group) {
        return kind == Kind.PASSTHROUGH || role.map(r -> r.permits(group)).orElse(false);
    }

    public String roleLabel() {
        return role.map(Role::id).orElse(kind == Kind.PASSTHROUGH ? "defectdojo-key" : "none");
    }

    @Override
    public String toString() {
        return id + " (" + roleLabel() + ")";
    }

    /** The non-reversible fingerprint passthrough caller ids use, for other secrets too (MCP session ids). */
    public static String fingerprint(String secret) {
        return PassthroughKeys.fingerprint(secret);
    }
}
