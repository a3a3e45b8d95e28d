package dev.dojomcp.security;

import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Transport;

/** Authentication, per-caller limits and the read-side wrapping of untrusted text, as configured. */
public record SecuritySettings(AuthSettings auth, LimitSettings limits, boolean wrapUntrusted) {
    public static final String UNTRUSTED_CONTENT_WRAPPING = "UNTRUSTED_CONTENT_WRAPPING";

    /** No authentication (stdio and in-process use), default limits, wrapping on. */
    public static SecuritySettings defaults() {
        return new SecuritySettings(AuthSettings.none(), LimitSettings.defaults(), true);
    }

    public static SecuritySettings from(Environment env, Transport transport, String bindHost) {
        return new SecuritySettings(AuthSettings.from(env, transport, bindHost), LimitSettings.from(env),
                env.bool(UNTRUSTED_CONTENT_WRAPPING, true));
    }

    public SecuritySettings withAuth(AuthSettings other) {
        return new SecuritySettings(other, limits, wrapUntrusted);
    }

    public SecuritySettings withLimits(LimitSettings other) {
        return new SecuritySettings(auth, other, wrapUntrusted);
    }

    public SecuritySettings withWrapping(boolean wrap) {
        return new SecuritySettings(auth, limits, wrap);
    }
}
