package dev.dojomcp.sandbox;

/** Small lookup rows: development environments, roles (flag = is_owner), groups (text = description). */
record NamedRecord(int id, String name, String text, boolean flag) {
}
