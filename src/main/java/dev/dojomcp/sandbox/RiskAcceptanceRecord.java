package dev.dojomcp.sandbox;

/** One risk acceptance (§6.8); {@code engagement} is the engagement its findings belong to. */
record RiskAcceptanceRecord(int id, String name, int owner, int[] acceptedFindings, String recommendation,
                            String recommendationDetails, String decision, String decisionDetails,
                            String acceptedBy, long expirationDate, boolean reactivateExpired,
                            boolean restartSlaExpired, int engagement, long created, long updated) {
}
