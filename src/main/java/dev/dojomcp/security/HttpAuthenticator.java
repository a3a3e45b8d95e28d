package dev.dojomcp.security;

import dev.dojomcp.config.Secret;
import java.util.Optional;

/**
 * Authenticates one HTTP request from its {@code Authorization} header, as configured: a role token,
 * the caller's own DefectDojo key, or nobody (open access, only when {@code REQUIRE_AUTH=false}).
 */
public final class HttpAuthenticator {
    /** Either a caller or why there is none; {@code status} is the HTTP answer for a refusal. */
    public record Result(Optional<Caller> caller, int status, String reason) {
        static Result ok(Caller caller) {
            return new Result(Optional.of(caller), 200, "");
        }

        static Result refused(int status, String reason) {
            return new Result(Optional.empty(), status, reason);
        }
    }

    private final AuthSettings settings;
    private final ServiceTokens tokens;
    private final PassthroughKeys keys;

    HttpAuthenticator(AuthSettings settings, PassthroughKeys keys) {
        this.settings = settings;
        this.tokens = new ServiceTokens(settings.bindings());
        this.keys = keys;
    }

    public AuthSettings.Mode mode() {
        return settings.mode();
    }

    public Result authenticate(String authorization) {
        if (settings.mode() == AuthSettings.Mode.NONE) {
            return settings.requireAuth() ? Result.refused(401, "no authentication is configured")
                    : Result.ok(Caller.openAccess());
        }
        Optional<String> credential = Credentials.from(authorization);
        if (credential.isEmpty()) {
            return Result.refused(401, authorization == null ? "no credentials" : "unreadable credentials");
        }
        if (settings.mode() == AuthSettings.Mode.SERVICE) {
            return tokens.match(credential.get()).map(Result::ok)
                    .orElseGet(() -> Result.refused(401, "unknown token"));
        }
        return switch (keys.verify(credential.get())) {
            case VALID -> Result.ok(Caller.passthrough(PassthroughKeys.fingerprint(credential.get()),
                    Secret.of(credential.get())));
            case INVALID -> Result.refused(401, "DefectDojo refused the key");
            case UNAVAILABLE -> Result.refused(503, "DefectDojo could not check the key");
        };
    }
}
