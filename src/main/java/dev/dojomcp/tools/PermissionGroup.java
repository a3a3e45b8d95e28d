package dev.dojomcp.tools;

import java.util.Locale;

/** The six permission groups every tool declares; roles are granted groups (enforced by the security layer). */
public enum PermissionGroup {
    SYSTEM, METADATA_READ, PRODUCT_MGMT, ENGAGEMENT_MGMT, FINDING_MGMT, SCAN_MGMT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
