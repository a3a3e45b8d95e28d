package dev.dojomcp.sandbox;

record ProductRecord(int id, String name, String description, int prodType, String businessCriticality,
                     String platform, String lifecycle, String origin, Integer userRecords, String revenue,
                     boolean externalAudience, boolean internetAccessible, int productManager,
                     int technicalContact, int teamManager, int slaConfiguration, String[] tags,
                     long created, long updated, Integer prodNumericGrade, int tid, boolean enableSimpleRiskAcceptance,
                     boolean enableFullRiskAcceptance, int[] regulations) {
}
