package dev.dojomcp.tools;

import java.util.List;

/** What this server instance offers, for {@code get_instance_info}. */
public record ServerProfile(String serverVersion, String transport, List<String> enabledToolsets, boolean readOnly) {
    public ServerProfile {
        enabledToolsets = List.copyOf(enabledToolsets);
    }
}
