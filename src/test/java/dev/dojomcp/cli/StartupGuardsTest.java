package dev.dojomcp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupGuardsTest {
    private static final Map<String, String> VALID = Map.of("DEFECTDOJO_URL", "https://dojo.example.com",
            "DEFECTDOJO_API_KEY", "0123456789abcdef0123456789abcdef01234567");

    @Test
    void aValidEnvironment_passesEveryGuard() {
        assertThat(StartupGuards.check(Environment.of(VALID), null, null, null, null, null).server().host())
                .isEqualTo("127.0.0.1");
    }

    @Test
    void everyListedGuard_refusesItsExample_withOneLineNamingTheVariable() {
        for (StartupGuards.Guard guard : StartupGuards.GUARDS) {
            Map<String, String> env = new HashMap<>(VALID);
            env.putAll(guard.example());
            assertThatThrownBy(() -> StartupGuards.check(Environment.of(env), null, null, null, null, null))
                    .as(guard.variable()).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(guard.variable() + ":")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void readmeListsTheGuards() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).as("README start-up guards are stale: run bin/dojo-mcp tools --update-readme README.md")
                .contains(StartupGuards.BEGIN + "\n" + StartupGuards.markdown() + StartupGuards.END);
    }
}
