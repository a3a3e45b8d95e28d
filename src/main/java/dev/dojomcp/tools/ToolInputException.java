package dev.dojomcp.tools;

/** An argument broke a rule. The message names the field and the rule, never the value. */
public final class ToolInputException extends RuntimeException {
    private final String field;
    private final String contentCategory;

    public ToolInputException(String field, String rule) {
        this(field, rule, null);
    }

    /** Refused for what the text says (instructions for an assistant, a secret), not for its form. */
    public static ToolInputException hostile(String field, String category, String rule) {
        return new ToolInputException(field, rule, category);
    }

    private ToolInputException(String field, String rule, String contentCategory) {
        super("invalid argument '" + field + "': " + rule, null, false, false);
        this.field = field;
        this.contentCategory = contentCategory;
    }

    /** The category of hostile content, or null for an ordinary rule. */
    public String contentCategory() {
        return contentCategory;
    }

    public String field() {
        return field;
    }
}
