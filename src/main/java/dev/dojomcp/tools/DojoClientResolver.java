package dev.dojomcp.tools;

import dev.dojomcp.defectdojo.DefectDojoClient;
import dev.dojomcp.security.Caller;

/** Chooses the DefectDojo client a call runs with: the server's read or write key, or the caller's own. */
@FunctionalInterface
public interface DojoClientResolver {
    DefectDojoClient clientFor(ToolSpec<?, ?> tool, Caller caller);
}
