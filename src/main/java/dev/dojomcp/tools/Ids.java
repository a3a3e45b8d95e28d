package dev.dojomcp.tools;

/** Checks for required object ids. */
public final class Ids {
    private Ids() {
    }

    public static long require(String field, Long id) {
        if (id == null || id < 1) {
            throw new ToolInputException(field, "is required and must be at least 1");
        }
        return id;
    }
}
