package dev.dojomcp.sandbox;

record CweRecord(int id, String url, String description) {
}
