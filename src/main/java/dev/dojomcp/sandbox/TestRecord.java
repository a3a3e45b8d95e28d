package dev.dojomcp.sandbox;

record TestRecord(int id, int engagement, int testType, String scanType, String title, String description,
                  long targetStart, long targetEnd, Integer percentComplete, String version, String buildId,
                  String commitHash, String branchTag, int lead, int environment, String[] tags, int[] notes,
                  long created, long updated) {
}
