package dev.dojomcp.sandbox;

record ProductTypeRecord(int id, String name, String description, boolean criticalProduct, boolean keyProduct,
                         long created, long updated) {
}
