package dev.dojomcp.sandbox;

/** The authenticated caller. Per-object permissions are not modelled: every principal sees all objects. */
record Principal(UserRecord user, boolean canWrite) {
    boolean isSuperuser() {
        return user.isSuperuser();
    }
}
