package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Transport;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {
    private static final String TOKEN = "0123456789abcdef-token";

    private static AuthSettings http(Map<String, String> vars) {
        return AuthSettings.from(Environment.of(vars), Transport.HTTP, "127.0.0.1");
    }

    @Test
    void roleBinding_splitsAtTheLastColon_soTokensMayContainColons() {
        AuthSettings auth = http(Map.of("MCP_ROLE_CI_BOT", "a:b:c:0123456789abcdef:scanner"));
        assertThat(auth.mode()).isEqualTo(AuthSettings.Mode.SERVICE);
        RoleBinding b = auth.bindings().get(0);
        assertThat(b.callerId()).isEqualTo("ci_bot");
        assertThat(b.role()).isEqualTo(Role.SCANNER);
        assertThat(b.token().reveal()).isEqualTo("a:b:c:0123456789abcdef");
    }

    @Test
    void everyMalformedBinding_refusesStartUp_namingItsVariable_withoutEchoingTheToken() {
        Map<String, String> bad = Map.of(
                "MCP_ROLE_BARE", TOKEN,
                "MCP_ROLE_UNKNOWN", TOKEN + ":superuser",
                "MCP_ROLE_SHORT", "short:reader",
                "MCP_ROLE_EMPTYROLE", TOKEN + ":",
                "MCP_ROLE_SPACE", "with space in the token:reader");
        bad.forEach((name, value) -> {
            Map<String, String> vars = new HashMap<>();
            vars.put("MCP_ROLE_GOOD", "good-" + TOKEN + ":admin");
            vars.put(name, value);
            assertThatThrownBy(() -> http(vars)).as(name).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(name + ":").hasMessageNotContaining(TOKEN);
        });
    }

    @Test
    void twoBindingsWithOneToken_areRefused() {
        assertThatThrownBy(() -> http(Map.of("MCP_ROLE_A", TOKEN + ":admin", "MCP_ROLE_B", TOKEN + ":reader")))
                .hasMessageStartingWith("MCP_ROLE_B:").hasMessageContaining("MCP_ROLE_A");
    }

    @Test
    void legacyTokens_areAdminAndReader() {
        AuthSettings auth = http(Map.of("MCP_AUTH_TOKEN", "admin-" + TOKEN, "MCP_READ_TOKEN", "reader-" + TOKEN));
        assertThat(auth.bindings()).extracting(RoleBinding::role).containsExactly(Role.ADMIN, Role.READER);
        assertThat(auth.bindings()).extracting(RoleBinding::callerId).containsExactly("legacy_admin", "legacy_reader");
    }

    @Test
    void httpWithoutAuthentication_refusesStartUp_unlessRequireAuthIsFalse_whichWarns() {
        assertThatThrownBy(() -> http(Map.of())).hasMessageStartingWith("MCP_ROLE_<NAME>:");
        AuthSettings open = http(Map.of("REQUIRE_AUTH", "false"));
        assertThat(open.mode()).isEqualTo(AuthSettings.Mode.NONE);
        assertThat(open.warnings()).hasSize(1);
        AuthSettings wide = AuthSettings.from(Environment.of(Map.of("REQUIRE_AUTH", "false")), Transport.HTTP,
                "0.0.0.0");
        assertThat(wide.warnings()).hasSize(2).last().asString().contains("0.0.0.0", "not a loopback");
        assertThat(AuthSettings.from(Environment.of(Map.of()), Transport.STDIO, "127.0.0.1").mode())
                .isEqualTo(AuthSettings.Mode.NONE);
    }

    @Test
    void passthrough_isItsOwnMode_andCannotBeMixedWithRoleTokens() {
        assertThat(http(Map.of("MCP_AUTH_MODE", "passthrough")).mode()).isEqualTo(AuthSettings.Mode.PASSTHROUGH);
        assertThatThrownBy(() -> http(Map.of("MCP_AUTH_MODE", "passthrough", "MCP_ROLE_A", TOKEN + ":admin")))
                .hasMessageStartingWith("MCP_AUTH_MODE:");
        assertThatThrownBy(() -> http(Map.of("MCP_AUTH_MODE", "service"))).hasMessageStartingWith("MCP_AUTH_MODE:");
        assertThatThrownBy(() -> http(Map.of("MCP_AUTH_MODE", "oauth"))).hasMessageStartingWith("MCP_AUTH_MODE:");
    }

    @Test
    void limits_haveTheDocumentedDefaults_andRefuseNonsense() {
        LimitSettings d = LimitSettings.from(Environment.of(Map.of()));
        assertThat(d.mutationLimit()).isEqualTo(60);
        assertThat(d.mutationWindow().toSeconds()).isEqualTo(60);
        assertThat(d.openAccessMutationLimit()).isEqualTo(10);
        assertThatThrownBy(() -> LimitSettings.from(Environment.of(Map.of("MUTATION_RATE_LIMIT", "0"))))
                .hasMessageStartingWith("MUTATION_RATE_LIMIT:");
        assertThatThrownBy(() -> LimitSettings.from(Environment.of(Map.of("MUTATION_RATE_WINDOW", "soon"))))
                .hasMessageStartingWith("MUTATION_RATE_WINDOW:");
    }
}
