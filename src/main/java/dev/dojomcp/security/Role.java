package dev.dojomcp.security;

import dev.dojomcp.tools.PermissionGroup;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The four service roles, each granting a fixed set of permission groups (admin ⊃ writer ⊃ scanner ⊃
 * reader). A group not listed is denied.
 */
public enum Role {
    ADMIN(EnumSet.allOf(PermissionGroup.class)),
    WRITER(EnumSet.of(PermissionGroup.SYSTEM, PermissionGroup.METADATA_READ, PermissionGroup.ENGAGEMENT_MGMT,
            PermissionGroup.FINDING_MGMT, PermissionGroup.SCAN_MGMT)),
    SCANNER(EnumSet.of(PermissionGroup.SYSTEM, PermissionGroup.METADATA_READ, PermissionGroup.SCAN_MGMT)),
    READER(EnumSet.of(PermissionGroup.SYSTEM, PermissionGroup.METADATA_READ));

    private final Set<PermissionGroup> groups;

    Role(Set<PermissionGroup> groups) {
        this.groups = Set.copyOf(groups);
    }

    public Set<PermissionGroup> groups() {
        return groups;
    }

    public boolean permits(PermissionGroup group) {
        return groups.contains(group);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exact, case-insensitive role name; anything else is empty (callers refuse start-up). */
    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(value.trim())).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
    }
}
