package dev.dojomcp.imports.qai;

import java.util.List;

/**
 * A parsed qai report of either shape.
 *
 * @param serverName    scanned server's name as reported, or null
 * @param serverVersion scanned server's version as reported, or null
 */
record QaiReport(String shape, String serverName, String serverVersion, List<QaiFinding> findings) {
    static final String CLI_JSON = "cli-json";
    static final String RUN_BUNDLE = "run-bundle";
}
