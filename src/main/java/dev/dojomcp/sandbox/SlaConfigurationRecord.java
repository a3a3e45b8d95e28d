package dev.dojomcp.sandbox;

record SlaConfigurationRecord(int id, String name, String description, int critical, int high, int medium,
                              int low, boolean enforceCritical, boolean enforceHigh, boolean enforceMedium,
                              boolean enforceLow, boolean restartSlaOnReactivation) {

    static SlaConfigurationRecord defaultConfiguration() {
        return new SlaConfigurationRecord(1, "Default",
                "The Default SLA Configuration. Products not using an explicit SLA Configuration will use this one.",
                7, 30, 90, 120, true, true, true, true, false);
    }

    /** Days allowed for the severity, or -1 when not enforced (Info never has an SLA). */
    int daysFor(Severity severity) {
        return switch (severity) {
            case CRITICAL -> enforceCritical ? critical : -1;
            case HIGH -> enforceHigh ? high : -1;
            case MEDIUM -> enforceMedium ? medium : -1;
            case LOW -> enforceLow ? low : -1;
            case INFO -> -1;
        };
    }
}
