package dev.dojomcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {
    @Test
    void dotEnv_parsesQuotesCommentsAndExport(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".env"), """
                # comment
                export DEFECTDOJO_URL=https://d.example
                MCP_PORT="9000"
                MCP_HOST='127.0.0.1'
                MCP_TRANSPORT=http # trailing comment
                """);
        var values = Environment.readDotEnv(dir.resolve(".env"));
        assertThat(values).containsEntry("DEFECTDOJO_URL", "https://d.example").containsEntry("MCP_PORT", "9000")
                .containsEntry("MCP_HOST", "127.0.0.1").containsEntry("MCP_TRANSPORT", "http");
    }

    @Test
    void dotEnv_badLine_namesTheLineNotTheContent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".env"), "OK=1\nsecretvalue-without-equals\n");
        assertThatThrownBy(() -> Environment.readDotEnv(dir.resolve(".env")))
                .hasMessage(".env: line 2 is not NAME=value");
    }

    @Test
    void serverSettings_flagsOverrideEnvironment() {
        Environment env = Environment.of(java.util.Map.of("MCP_TRANSPORT", "http", "MCP_PORT", "9000"));
        assertThat(ServerSettings.from(env, null, null, null))
                .isEqualTo(new ServerSettings(Transport.HTTP, "127.0.0.1", 9000));
        assertThat(ServerSettings.from(env, Transport.STDIO, "localhost", 7000))
                .isEqualTo(new ServerSettings(Transport.STDIO, "localhost", 7000));
        assertThatThrownBy(() -> ServerSettings.from(Environment.of(java.util.Map.of("MCP_PORT", "99999")), null,
                null, null)).hasMessageStartingWith("MCP_PORT:");
        assertThatThrownBy(() -> ServerSettings.from(Environment.of(java.util.Map.of("MCP_TRANSPORT", "sse")), null,
                null, null)).hasMessageStartingWith("MCP_TRANSPORT:");
    }

    @Test
    void httpTransport_mayBindAnyAddress_becauseAuthenticationGuardsIt() {
        Environment env = Environment.of(java.util.Map.of("MCP_TRANSPORT", "http", "MCP_HOST", "0.0.0.0"));
        assertThat(ServerSettings.from(env, null, null, null).host()).isEqualTo("0.0.0.0");
        assertThat(ServerSettings.from(Environment.of(java.util.Map.of()), Transport.HTTP, null, null).host())
                .isEqualTo("127.0.0.1");
    }
}
