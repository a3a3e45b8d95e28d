package dev.dojomcp.tools;

/** A tool could not do what was asked; the message is meant for the client and holds nothing secret. */
public final class ToolException extends RuntimeException {
    public ToolException(String message) {
        super(message, null, false, false);
    }
}
