package dev.dojomcp.security;

/**
 * Stands in for a logged throwable whose text had to be masked: prints as the original would
 * ({@code toString()} is the original's, masked, so the original class name stays), with the original's stack
 * frames, and masked copies as cause and suppressed throwables. Never thrown; it only travels in a log event.
 */
final class RedactedThrowable extends Throwable {
    private static final long serialVersionUID = 1L;

    private final String text;

    RedactedThrowable(String text, String message) {
        super(message);
        this.text = text;
    }

    /** The frames are set from the original; capturing this constructor's own would be wasted work. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String toString() {
        return text;
    }
}
