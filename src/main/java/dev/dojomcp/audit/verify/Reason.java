package dev.dojomcp.audit.verify;

/** Why a log failed verification; {@link #label} is the wording both verifiers print. */
public enum Reason {
    BAD_FORMAT("bad format"),
    MODIFIED("modified"),
    DELETED("deleted"),
    REORDERED("reordered"),
    INSERTED("inserted"),
    UNKNOWN_KEY_ID("unknown key id"),
    KEY_ID_REPLACED("key id replaced"),
    BAD_SIGNATURE("bad signature"),
    TRUNCATED("truncated after checkpoint");

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reason with this label, or {@code null}. */
    public static Reason ofLabel(String label) {
        for (Reason reason : values()) {
            if (reason.label.equals(label)) {
                return reason;
            }
        }
        return null;
    }
}
