package dev.dojomcp.sandbox;

record TestTypeRecord(int id, String name, boolean staticTool, boolean dynamicTool, boolean active,
                      String[] tags) {
}
