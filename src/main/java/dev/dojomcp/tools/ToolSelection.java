package dev.dojomcp.tools;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.Environment;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which tools a server offers: the enabled toolsets, and whether only read-only tools are listed. */
public record ToolSelection(Set<Toolset> toolsets, boolean readOnly) {
    public static final String TOOLSETS = "MCP_TOOLSETS";
    public static final String READ_ONLY = "MCP_READ_ONLY";

    public ToolSelection {
        toolsets = toolsets.isEmpty() ? EnumSet.noneOf(Toolset.class) : EnumSet.copyOf(toolsets);
    }

    public static ToolSelection all() {
        return new ToolSelection(EnumSet.allOf(Toolset.class), false);
    }

    /** Flags win over the environment; {@code all} (or nothing) enables every toolset. */
    public static ToolSelection from(Environment env, String toolsetsFlag, Boolean readOnlyFlag) {
        String name = toolsetsFlag != null ? "--toolsets" : TOOLSETS;
        String list = toolsetsFlag != null ? toolsetsFlag : env.get(TOOLSETS).orElse("all");
        Set<Toolset> toolsets = EnumSet.noneOf(Toolset.class);
        for (String id : list.split(",")) {
            String trimmed = id.strip().toLowerCase(Locale.ROOT);
            if (trimmed.equals("all")) {
                toolsets.addAll(EnumSet.allOf(Toolset.class));
            } else if (!trimmed.isEmpty()) {
                toolsets.add(Toolset.byId(trimmed).orElseThrow(() -> new ConfigException(name,
                        "unknown toolset; valid: all, " + Arrays.stream(Toolset.values()).map(Toolset::id)
                                .collect(Collectors.joining(", ")))));
            }
        }
        if (toolsets.isEmpty()) {
            throw new ConfigException(name, "names no toolset");
        }
        boolean readOnly = readOnlyFlag != null ? readOnlyFlag : env.bool(READ_ONLY, false);
        return new ToolSelection(toolsets, readOnly);
    }
}
