package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.config.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTokensTest {
    private final ServiceTokens tokens = new ServiceTokens(List.of(
            new RoleBinding("MCP_ROLE_A", "a", Secret.of("token-for-a-0123456789"), Role.ADMIN),
            new RoleBinding("MCP_ROLE_B", "b", Secret.of("token-for-b-0123456789"), Role.READER)));

    @Test
    void exactToken_findsItsBinding_andNothingElseDoes() {
        assertThat(tokens.match("token-for-b-0123456789")).get().extracting(Caller::id, Caller::role)
                .containsExactly("b", java.util.Optional.of(Role.READER));
        assertThat(tokens.match("token-for-b-012345678")).isEmpty();
        assertThat(tokens.match("token-for-b-01234567890")).isEmpty();
        assertThat(tokens.match("TOKEN-FOR-B-0123456789")).isEmpty();
        assertThat(tokens.match("")).isEmpty();
    }

    @Test
    void credentials_acceptBearerAndToken_only() {
        assertThat(Credentials.from("Bearer abc")).contains("abc");
        assertThat(Credentials.from("token abc")).contains("abc");
        assertThat(Credentials.from("Basic abc")).isEmpty();
        assertThat(Credentials.from("Bearer a b")).isEmpty();
        assertThat(Credentials.from("Bearer ")).isEmpty();
        assertThat(Credentials.from(null)).isEmpty();
    }
}
