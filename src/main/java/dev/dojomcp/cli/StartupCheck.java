package dev.dojomcp.cli;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.defectdojo.Capabilities;
import dev.dojomcp.defectdojo.DefectDojoClient;
import dev.dojomcp.defectdojo.DojoException;

/** Discovers DefectDojo's capabilities before serving, and turns a failure into a one-line error. */
final class StartupCheck {
    private StartupCheck() {
    }

    static Capabilities discover(DefectDojoClient dojo) {
        try {
            Capabilities caps = dojo.refreshCapabilities();
            if (!caps.endpoints().contains("findings")) {
                throw new ConfigException(DojoConnection.URL, "does not look like a DefectDojo API (no findings endpoint)");
            }
            return caps;
        } catch (DojoException e) {
            throw switch (e.failure()) {
                case AUTH -> new ConfigException(DojoConnection.API_KEY, "was refused by DefectDojo (HTTP "
                        + e.status() + ")");
                case UNREACHABLE -> new ConfigException(DojoConnection.URL, "DefectDojo could not be reached");
                case TIMEOUT -> new ConfigException(DojoConnection.URL, "DefectDojo did not answer in time");
                default -> new ConfigException(DojoConnection.URL, "no DefectDojo API v2 answered there ("
                        + e.getMessage() + ")");
            };
        }
    }
}
