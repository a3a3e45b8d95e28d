package dev.dojomcp.security.content;

/** What {@link InjectionDetector} found in a text, in the order it reports them. */
public enum ContentCategory {
    /** Instructions aimed at the model: "ignore previous instructions", "you are now …", jailbreak role-play. */
    INSTRUCTION_OVERRIDE("instruction_override", "instructions aimed at the assistant"),
    /** Chat-format tokens or role labels opening a fake turn: {@code <|im_start|>}, {@code [INST]}, "System: you …". */
    ROLE_MARKER("role_marker", "chat role or prompt-format marker"),
    /** One of our own tools named in call syntax, a tool-call JSON or tag, or an imperative to run it. */
    TOOL_CALL("tool_call", "tool call naming a dojo-mcp tool"),
    /** A credential or secret, as found by {@link SecretScanner}. */
    EMBEDDED_SECRET("embedded_secret", "credential or secret");

    private final String wire;
    private final String label;

    ContentCategory(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    /** Stable lower-case id for logs, JSON and the test corpus. */
    public String wire() {
        return wire;
    }

    /** Short human-readable description. */
    public String label() {
        return label;
    }

    /** The category with this {@link #wire()} id. */
    public static ContentCategory fromWire(String wire) {
        for (ContentCategory c : values()) {
            if (c.wire.equals(wire)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown content category: " + wire);
    }
}
