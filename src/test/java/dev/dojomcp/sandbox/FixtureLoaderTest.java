package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FixtureLoaderTest {
    static final String FIXTURE_ADMIN_TOKEN = "548afd6fab3bea9794a41b31da0e9404f733e222";

    static Path fixture(String name) {
        String shared = System.getProperty("dojo.shared.dir");
        assumeTrue(shared != null, "dojo.shared.dir is not set; skipping fixture tests");
        Path file = Path.of(shared, "data", "defectdojo", "fixtures", name);
        assumeTrue(Files.isReadable(file), "fixture " + file + " is absent; skipping");
        return file;
    }

    @Test
    void dojoTestdata_loadsWithFixedIds_andFixtureTokenAuthenticates() throws Exception {
        Path file = fixture("dojo_testdata.json");
        try (SandboxServer server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 0, 1)
                .withFixture(file).withDojoVersion(2))) {
            SandboxClient client = new SandboxClient(server);
            assertThat(client.json("/api/v2/findings/").get("count").asInt()).isEqualTo(21);
            assertThat(client.json("/api/v2/products/").get("count").asInt()).isEqualTo(3);
            assertThat(client.json("/api/v2/products/1/").get("name").asString()).isEqualTo("Python How-to");
            assertThat(client.json("/api/v2/findings/2/").get("title").asString()).isEqualTo("High Impact Test Finding");
            JsonNode profile = SandboxClient.parse(client.send("GET", "/api/v2/user_profile/", FIXTURE_ADMIN_TOKEN, null));
            assertThat(profile.get("user").get("username").asString()).isEqualTo("admin");
            assertThat(client.json("/api/v2/roles/").get("count").asInt()).isZero();
            assertThat(client.json("/api/v2/dojo_groups/").get("count").asInt()).isEqualTo(2);
            assertThat(client.json("/api/v2/dojo_group_members/?group_id=1").get("count").asInt()).isEqualTo(1);
            assertThat(client.json("/api/v2/notes/1/").get("entry").asString()).isEqualTo("test note");
        }
    }

    @Test
    void sampleData2021_loads346Findings() throws Exception {
        SandboxStore store = FixtureLoader.load(fixture("defect_dojo_sample_data_2021.json"));
        assertThat(store.findingCount()).isEqualTo(346);
        assertThat(store.products).hasSize(3);
        assertThat(store.users.get(1).username()).isEqualTo("admin");
    }

    @Test
    void roleFixture_loadsRoles() throws Exception {
        SandboxStore store = FixtureLoader.load(fixture("role.json"));
        assertThat(store.roles.get(4).name()).isEqualTo("Owner");
        assertThat(store.roles.get(4).flag()).isTrue();
        assertThat(store.roles.get(5).name()).isEqualTo("Reader");
    }
}
