package dev.dojomcp.tools;

/** Progress notifications for the current call; a no-op when the client sent no progress token. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (progress, total, message) -> { };

    void report(double progress, Double total, String message);
}
