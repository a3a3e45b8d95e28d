package dev.dojomcp.sandbox;

record GroupMemberRecord(int id, int group, int user, int role) {
}
