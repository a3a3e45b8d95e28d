package dev.dojomcp.sandbox;

record EngagementRecord(int id, String name, String description, String version, int product,
                        int targetStart, int targetEnd, String status, boolean active, String engagementType,
                        int lead, String buildId, String commitHash, String branchTag,
                        String sourceCodeManagementUri, boolean deduplicationOnEngagement,
                        boolean threatModel, boolean apiTest, boolean penTest, boolean checkList,
                        String[] tags, int[] notes, long created, long updated, String progress, String tmodelPath,
                        boolean doneTesting, String reason, String tracker, String testStrategy, int firstContacted) {
}
