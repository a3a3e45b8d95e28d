package dev.dojomcp.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/** Everything needed to start a {@link SandboxServer}. */
public record SandboxOptions(String host, int port, String adminApiKey, String readOnlyApiKey,
                             int dojoVersion, int findings, long seed, Path fixture, FaultSpec faults) {

    public SandboxOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(adminApiKey, "adminApiKey");
        if (adminApiKey.isBlank()) {
            throw new IllegalArgumentException("adminApiKey must not be blank");
        }
        if (dojoVersion != 2 && dojoVersion != 3) {
            throw new IllegalArgumentException("dojoVersion must be 2 or 3, was " + dojoVersion);
        }
        if (findings < 0) {
            throw new IllegalArgumentException("findings must be >= 0, was " + findings);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (faults == null) {
            faults = FaultSpec.none();
        }
    }

    /** Generated data on 127.0.0.1, an ephemeral port, DefectDojo 3.x, no read-only key, no faults. */
    public static SandboxOptions generated(String adminKey, int findings, long seed) {
        return new SandboxOptions("127.0.0.1", 0, adminKey, null, 3, findings, seed, null, FaultSpec.none());
    }

    public SandboxOptions withHost(String newHost) {
        return new SandboxOptions(newHost, port, adminApiKey, readOnlyApiKey, dojoVersion, findings, seed, fixture, faults);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(host, newPort, adminApiKey, readOnlyApiKey, dojoVersion, findings, seed, fixture, faults);
    }

    public SandboxOptions withDojoVersion(int version) {
        return new SandboxOptions(host, port, adminApiKey, readOnlyApiKey, version, findings, seed, fixture, faults);
    }

    public SandboxOptions withReadOnlyApiKey(String key) {
        return new SandboxOptions(host, port, adminApiKey, key, dojoVersion, findings, seed, fixture, faults);
    }

    public SandboxOptions withFixture(Path file) {
        return new SandboxOptions(host, port, adminApiKey, readOnlyApiKey, dojoVersion, findings, seed, file, faults);
    }

    public SandboxOptions withFaults(FaultSpec spec) {
        return new SandboxOptions(host, port, adminApiKey, readOnlyApiKey, dojoVersion, findings, seed, fixture, spec);
    }

    public SandboxOptions withFindings(int count) {
        return new SandboxOptions(host, port, adminApiKey, readOnlyApiKey, dojoVersion, count, seed, fixture, faults);
    }

    public SandboxOptions withSeed(long newSeed) {
        return new SandboxOptions(host, port, adminApiKey, readOnlyApiKey, dojoVersion, findings, newSeed, fixture, faults);
    }
}
