package dev.dojomcp.tools;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Named groups of tools that can be enabled together. */
public enum Toolset {
    FINDINGS("Findings: search and read; triage (create, update, verify, close, reopen, duplicates, risk "
            + "acceptance), notes and tags"),
    PRODUCTS("Product types, products, engagements, tests and test types; creating products, engagements and tests"),
    IMPORTS("Scanner report imports and reimports, including qai audit reports"),
    USERS("Users, and on DefectDojo 2.x groups, group members and roles"),
    ANALYTICS("Server-side summaries over findings, computed from DefectDojo counts"),
    SYSTEM("Health and instance information");

    private final String description;

    Toolset(String description) {
        this.description = description;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public static Optional<Toolset> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
