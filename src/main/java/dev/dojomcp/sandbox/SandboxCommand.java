package dev.dojomcp.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dojo-mcp sandbox}: serve an in-memory DefectDojo API until killed. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run an in-memory DefectDojo REST API v2 stand-in (generated or fixture data).")
public final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port, 0 = ephemeral (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--api-key", required = true, paramLabel = "KEY", description = "Admin (superuser) API key.")
    String apiKey;

    @Option(names = "--read-only-api-key", paramLabel = "KEY", description = "API key allowed GET/HEAD only.")
    String readOnlyApiKey;

    @Option(names = "--findings", defaultValue = "5000", paramLabel = "N", description = "Findings to generate (default: ${DEFAULT-VALUE}).")
    int findings;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--fixture", paramLabel = "FILE", description = "Django dumpdata JSON to serve instead of generated data.")
    Path fixture;

    @Option(names = "--dojo-version", defaultValue = "3", paramLabel = "2|3", description = "DefectDojo major version to imitate (default: ${DEFAULT-VALUE}).")
    int dojoVersion;

    @Option(names = "--latency-ms", defaultValue = "0", paramLabel = "MS", description = "Delay added to every API request.")
    long latencyMs;

    @Option(names = "--error-rate", paramLabel = "R", description = "Fraction 0..1 of API requests that fail (default 1 when --fault-mode or --error-status is given, else 0).")
    Double errorRate;

    @Option(names = "--error-status", paramLabel = "CODE", description = "HTTP status of injected errors (default 500; 502 for html).")
    Integer errorStatus;

    @Option(names = "--fault-mode", paramLabel = "MODE", description = "reset, malformed, html or status (default status).")
    String faultMode;

    @Override
    public Integer call() throws Exception {
        SandboxOptions options = options();
        try (SandboxServer server = SandboxServer.start(options)) {
            System.err.println("DefectDojo sandbox listening on " + server.baseUrl() + ApiRouter.BASE + " (v"
                    + options.dojoVersion() + ", " + server.findingCount() + " findings)");
            server.join();
        }
        return 0;
    }

    SandboxOptions options() {
        CommandLine cl = spec.commandLine();
        if (dojoVersion != 2 && dojoVersion != 3) {
            throw new CommandLine.ParameterException(cl, "--dojo-version must be 2 or 3, was " + dojoVersion);
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(cl, "--port must be between 0 and 65535, was " + port);
        }
        if (findings < 0) {
            throw new CommandLine.ParameterException(cl, "--findings must be >= 0, was " + findings);
        }
        if (apiKey.isBlank()) {
            throw new CommandLine.ParameterException(cl, "--api-key must not be blank");
        }
        if (fixture != null && !Files.isReadable(fixture)) {
            throw new CommandLine.ParameterException(cl, "--fixture file not readable: " + fixture);
        }
        FaultSpec faults;
        try {
            FaultMode mode = faultMode == null ? FaultMode.STATUS : FaultMode.parse(faultMode);
            boolean errorsRequested = faultMode != null || errorStatus != null;
            double rate = errorRate != null ? errorRate : errorsRequested ? 1.0 : 0.0;
            int status = errorStatus != null ? errorStatus : mode == FaultMode.HTML ? 502 : 500;
            faults = new FaultSpec(latencyMs, rate, mode, status, null, -1, 1);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        return new SandboxOptions(host, port, apiKey, readOnlyApiKey, dojoVersion, findings, seed, fixture, faults);
    }
}
