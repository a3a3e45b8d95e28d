package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SandboxCommandTest {
    private static SandboxCommand parse(String... args) {
        SandboxCommand command = new SandboxCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void command_defaults() {
        SandboxOptions options = parse("--api-key", "k").options();
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.findings()).isEqualTo(5000);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.dojoVersion()).isEqualTo(3);
        assertThat(options.faults().isNone()).isTrue();
    }

    @Test
    void command_faultFlags_buildFaultSpec() {
        SandboxOptions options = parse("--api-key", "k", "--fault-mode", "html", "--error-rate", "0.25",
                "--latency-ms", "40").options();
        assertThat(options.faults().mode()).isEqualTo(FaultMode.HTML);
        assertThat(options.faults().status()).isEqualTo(502);
        assertThat(options.faults().errorRate()).isEqualTo(0.25);
        assertThat(options.faults().latencyMs()).isEqualTo(40);
    }

    @Test
    void command_invalidValues_areParameterExceptions() {
        assertThatThrownBy(() -> parse("--api-key", "k", "--dojo-version", "4").options())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--dojo-version");
        assertThatThrownBy(() -> parse("--api-key", "k", "--error-rate", "1.5").options())
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> parse("--api-key", "k", "--fault-mode", "explode").options())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("explode");
        assertThatThrownBy(() -> parse("--findings", "10"))
                .isInstanceOf(CommandLine.MissingParameterException.class);
    }
}
