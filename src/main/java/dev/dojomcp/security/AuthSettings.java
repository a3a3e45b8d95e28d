package dev.dojomcp.security;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Secret;
import dev.dojomcp.config.ServerSettings;
import dev.dojomcp.config.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How network callers authenticate. {@code SERVICE}: role tokens ({@code MCP_ROLE_<NAME>=<token>:<role>},
 * legacy {@code MCP_AUTH_TOKEN} = admin and {@code MCP_READ_TOKEN} = reader), the server calls DefectDojo
 * with its own keys. {@code PASSTHROUGH} ({@code MCP_AUTH_MODE=passthrough}): callers send their own
 * DefectDojo key. {@code NONE}: only stdio, or HTTP with {@code REQUIRE_AUTH=false}.
 *
 * <p>Every binding must parse: one malformed variable refuses start-up rather than silently dropping a
 * caller's restrictions (inspicere F-001/F-014 failed open on a bare token).
 */
public record AuthSettings(Mode mode, List<RoleBinding> bindings, boolean requireAuth, List<String> warnings) {
    public enum Mode { NONE, SERVICE, PASSTHROUGH }

    public static final String MODE = "MCP_AUTH_MODE";
    public static final String ROLE_PREFIX = "MCP_ROLE_";
    public static final String AUTH_TOKEN = "MCP_AUTH_TOKEN";
    public static final String READ_TOKEN = "MCP_READ_TOKEN";
    public static final String REQUIRE_AUTH = "REQUIRE_AUTH";
    static final int MIN_TOKEN_LENGTH = 16;

    public AuthSettings {
        bindings = List.copyOf(bindings);
        warnings = List.copyOf(warnings);
    }

    /** No authentication configured: fine for stdio and in-process use; the HTTP transport refuses it. */
    public static AuthSettings none() {
        return new AuthSettings(Mode.NONE, List.of(), true, List.of());
    }

    /** {@code REQUIRE_AUTH=false}: every HTTP caller is the one shared open-access caller. */
    public static AuthSettings openAccess() {
        return new AuthSettings(Mode.NONE, List.of(), false, List.of());
    }

    public static AuthSettings service(List<RoleBinding> bindings) {
        return new AuthSettings(Mode.SERVICE, bindings, true, List.of());
    }

    public static AuthSettings passthrough() {
        return new AuthSettings(Mode.PASSTHROUGH, List.of(), true, List.of());
    }

    public static AuthSettings from(Environment env, Transport transport, String bindHost) {
        List<RoleBinding> bindings = bindings(env);
        Mode mode = mode(env, bindings);
        boolean requireAuth = env.bool(REQUIRE_AUTH, true);
        List<String> warnings = new ArrayList<>();
        if (transport == Transport.HTTP && mode == Mode.NONE) {
            if (requireAuth) {
                throw new ConfigException(ROLE_PREFIX + "<NAME>", "is needed: the HTTP transport refuses to start "
                        + "without authentication (set " + ROLE_PREFIX + "<NAME>=<token>:<role>, " + AUTH_TOKEN
                        + " or " + MODE + "=passthrough; " + REQUIRE_AUTH + "=false only on a trusted network)");
            }
            warnings.add(REQUIRE_AUTH + "=false: the HTTP transport accepts unauthenticated callers, who all share "
                    + "the open-access mutation limit");
            if (!ServerSettings.isLoopback(bindHost)) {
                warnings.add(REQUIRE_AUTH + "=false while listening on " + bindHost
                        + ", which is not a loopback address: anyone who can reach it can use the server's keys");
            }
        }
        return new AuthSettings(mode, bindings, requireAuth, warnings);
    }

    public Optional<RoleBinding> binding(String callerId) {
        return bindings.stream().filter(b -> b.callerId().equals(callerId)).findFirst();
    }

    private static Mode mode(Environment env, List<RoleBinding> bindings) {
        Optional<String> declared = env.get(MODE).map(v -> v.toLowerCase(Locale.ROOT));
        if (declared.isEmpty()) {
            return bindings.isEmpty() ? Mode.NONE : Mode.SERVICE;
        }
        switch (declared.get()) {
            case "passthrough":
                if (!bindings.isEmpty()) {
                    throw new ConfigException(MODE, "passthrough cannot be combined with role tokens (" + ROLE_PREFIX
                            + "*, " + AUTH_TOKEN + ", " + READ_TOKEN + "); choose one mode");
                }
                return Mode.PASSTHROUGH;
            case "service":
                if (bindings.isEmpty()) {
                    throw new ConfigException(MODE, "service needs at least one " + ROLE_PREFIX
                            + "<NAME>=<token>:<role>");
                }
                return Mode.SERVICE;
            default:
                throw new ConfigException(MODE, "must be service or passthrough");
        }
    }

    static List<RoleBinding> bindings(Environment env) {
        List<RoleBinding> out = new ArrayList<>();
        for (Map.Entry<String, String> e : env.withPrefix(ROLE_PREFIX).entrySet()) {
            out.add(parseBinding(e.getKey(), e.getValue()));
        }
        env.get(AUTH_TOKEN).ifPresent(t -> out.add(new RoleBinding(AUTH_TOKEN, "legacy_admin", token(AUTH_TOKEN, t),
                Role.ADMIN)));
        env.get(READ_TOKEN).ifPresent(t -> out.add(new RoleBinding(READ_TOKEN, "legacy_reader", token(READ_TOKEN, t),
                Role.READER)));
        for (int i = 0; i < out.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (out.get(i).token().reveal().equals(out.get(j).token().reveal())) {
                    throw new ConfigException(out.get(i).variable(), "uses the same token as "
                            + out.get(j).variable() + "; every binding needs its own token");
                }
            }
        }
        return out;
    }

    /** {@code <token>:<role>}, split at the last colon because tokens may contain colons. */
    static RoleBinding parseBinding(String variable, String value) {
        String name = variable.substring(ROLE_PREFIX.length());
        if (name.isEmpty() || !name.matches("[A-Za-z0-9_]+")) {
            throw new ConfigException(variable, "must be named " + ROLE_PREFIX
                    + "<NAME> with letters, digits and underscores");
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new ConfigException(variable, "must be <token>:<role> but has no role");
        }
        Role role = Role.parse(value.substring(colon + 1)).orElseThrow(() -> new ConfigException(variable,
                "has an unknown role; use one of " + Role.names()));
        return new RoleBinding(variable, name.toLowerCase(Locale.ROOT), token(variable, value.substring(0, colon)),
                role);
    }

    private static Secret token(String variable, String token) {
        if (token.length() < MIN_TOKEN_LENGTH || token.length() > 512
                || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigException(variable, "token must be " + MIN_TOKEN_LENGTH
                    + " to 512 printable characters without spaces");
        }
        Secret secret = Secret.of(token);
        LogRedaction.register(secret);
        return secret;
    }
}
