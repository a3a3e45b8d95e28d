package dev.dojomcp.sandbox;

/** DefectDojo severities; ordinal order is numerical_severity order (S0 = Critical). */
enum Severity {
    CRITICAL("Critical"), HIGH("High"), MEDIUM("Medium"), LOW("Low"), INFO("Info");

    private static final Severity[] VALUES = values();
    final String label;

    Severity(String label) {
        this.label = label;
    }

    String numerical() {
        return "S" + ordinal();
    }

    static Severity of(int ordinal) {
        return VALUES[ordinal];
    }

    /** Lenient parse for fixtures (older data uses "HIGH"); unknown values become Info. */
    static Severity parseLenient(String text) {
        if (text != null) {
            for (Severity s : VALUES) {
                if (s.label.equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
            if (text.trim().equalsIgnoreCase("informational")) {
                return INFO;
            }
        }
        return INFO;
    }
}
