package dev.dojomcp.sandbox;

record UserRecord(int id, String username, String firstName, String lastName, String email,
                  boolean isActive, boolean isStaff, boolean isSuperuser, long dateJoined, long lastLogin) {
}
