package dev.dojomcp.tools;

import dev.dojomcp.defectdojo.DefectDojoClient;
import io.modelcontextprotocol.common.McpTransportContext;

/** Chooses the DefectDojo client a call runs with (the server's key, or later the caller's own). */
@FunctionalInterface
public interface DojoClientResolver {
    DefectDojoClient clientFor(ToolSpec<?, ?> tool, McpTransportContext transport);
}
