package dev.dojomcp.tools;

/** MCP tool annotations, always set explicitly so clients never assume a tool writes. */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
    /** Reads DefectDojo (an external system, hence open world) and changes nothing. */
    public static final ToolHints READ_ONLY = new ToolHints(true, false, true, true);
    /** Creates something new each call (a finding, a note, an import). */
    public static final ToolHints CREATES = new ToolHints(false, false, false, true);
    /** Adds to what exists; repeating it changes nothing more (adding tags, verifying). */
    public static final ToolHints ADDS_IDEMPOTENT = new ToolHints(false, false, true, true);
    /** Changes or removes existing state; repeating it changes nothing more (update, close, reopen). */
    public static final ToolHints CHANGES_IDEMPOTENT = new ToolHints(false, true, true, true);
    /** Changes existing state and creates something each call (risk acceptance, scan import). */
    public static final ToolHints CHANGES = new ToolHints(false, true, false, true);
}
