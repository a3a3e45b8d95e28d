package dev.dojomcp.defectdojo;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * What this DefectDojo exposes, from the router root {@code GET /api/v2/}. DefectDojo 2.x lists
 * dojo_groups, dojo_group_members and roles; 3.x open source dropped them.
 */
public record Capabilities(Set<String> endpoints, Instant discoveredAt) {
    public Capabilities {
        endpoints = Set.copyOf(endpoints);
    }

    public boolean has(Resource resource) {
        return endpoints.contains(resource.path());
    }

    public boolean hasRbacEndpoints() {
        return has(Resource.DOJO_GROUPS) && has(Resource.DOJO_GROUP_MEMBERS) && has(Resource.ROLES);
    }

    /** A best guess at the major line: the RBAC endpoints were removed in 3.0. */
    public String apiGeneration() {
        return hasRbacEndpoints() ? "2.x" : "3.x";
    }

    public Set<String> sortedEndpoints() {
        return new TreeSet<>(endpoints);
    }
}
