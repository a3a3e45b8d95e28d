package dev.dojomcp.tools;

/** An argument broke a rule. The message names the field and the rule, never the value. */
public final class ToolInputException extends RuntimeException {
    private final String field;

    public ToolInputException(String field, String rule) {
        super("invalid argument '" + field + "': " + rule, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
