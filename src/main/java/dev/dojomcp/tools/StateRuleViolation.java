package dev.dojomcp.tools;

/**
 * A write that would leave a finding (or another object) in a state DefectDojo's workflow does not
 * allow, found before anything is sent. The message names the field and the rule, never the value.
 */
public final class StateRuleViolation extends RuntimeException {
    private final String field;
    private final String rule;

    public StateRuleViolation(String field, String rule) {
        super("'" + field + "': " + rule, null, false, false);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    /** Throws when {@code broken} is true. */
    public static void check(boolean broken, String field, String rule) {
        if (broken) {
            throw new StateRuleViolation(field, rule);
        }
    }
}
