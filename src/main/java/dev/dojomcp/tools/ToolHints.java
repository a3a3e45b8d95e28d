package dev.dojomcp.tools;

/** MCP tool annotations, always set explicitly so clients never assume a tool writes. */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
    /** Reads DefectDojo (an external system, hence open world) and changes nothing. */
    public static final ToolHints READ_ONLY = new ToolHints(true, false, true, true);
}
