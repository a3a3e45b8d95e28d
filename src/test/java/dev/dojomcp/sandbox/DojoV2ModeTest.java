package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DojoV2ModeTest {
    @Test
    void v2_exposesRbacEndpointsAndOldFields() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 50, 1)
                .withDojoVersion(2))) {
            SandboxClient client = new SandboxClient(server);
            JsonNode root = client.json("/api/v2/");
            assertThat(root.size()).isEqualTo(69);
            assertThat(root.has("dojo_groups")).isTrue();
            assertThat(root.has("url")).isFalse();
            assertThat(root.has("cicd_infrastructure")).isFalse();
            JsonNode roles = client.json("/api/v2/roles/");
            assertThat(roles.get("count").asInt()).isEqualTo(5);
            assertThat(client.json("/api/v2/roles/4/").get("is_owner").asBoolean()).isTrue();
            assertThat(client.json("/api/v2/dojo_group_members/?user_id=3").get("count").asInt()).isEqualTo(1);
            assertThat(client.json("/api/v2/findings/1/").has("cwes")).isFalse();
            assertThat(client.json("/api/v2/users/1/").has("is_staff")).isFalse();
            assertThat(client.send("GET", "/api/v2/oa3/schema/", null, null).body()).contains("2.58.4");
        }
    }
}
