package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every DefectDojo scan type is listed by {@code /test_types/}, once, active, with stable ids. */
class ScanTypesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    private static List<JsonNode> testTypes(SandboxServer server) throws Exception {
        JsonNode page = new SandboxClient(server).json("/api/v2/test_types/?limit=1000");
        List<JsonNode> types = new ArrayList<>();
        page.get("results").forEach(types::add);
        assertThat(types).hasSize(page.get("count").asInt());
        return types;
    }

    @Test
    void resource_holdsThe271Names() {
        assertThat(ScanTypes.names()).hasSize(271).doesNotHaveDuplicates()
                .contains("Generic Findings Import", "SARIF", "ZAP Scan", "Qualys Webapp Scan");
    }

    @Test
    void generatedStore_listsEveryScanTypeOnce_afterTheGeneratorsOwnTypes() throws Exception {
        List<JsonNode> types;
        try (SandboxServer server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 50, 3),
                CLOCK)) {
            types = testTypes(server);
        }
        List<String> names = types.stream().map(t -> t.get("name").asString()).toList();
        assertThat(names).doesNotHaveDuplicates().containsAll(ScanTypes.names())
                .contains("Pen Test", "Manual Code Review");
        // The generator's 7 generic types and 12 scanner types come first and keep their ids.
        assertThat(names.get(0)).isEqualTo("API Test");
        assertThat(names.get(7)).isEqualTo("ZAP Scan");
        assertThat(types).hasSize(7 + 271);
        types.stream().filter(t -> ScanTypes.names().contains(t.get("name").asString()))
                .forEach(t -> assertThat(t.get("active").asBoolean()).as(t.toString()).isTrue());
        assertThat(types.stream().mapToInt(t -> t.get("id").asInt()).toArray()).isSorted();

        try (SandboxServer again = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 50, 3),
                CLOCK)) {
            assertThat(testTypes(again).toString()).isEqualTo(types.toString());
        }
    }

    @Test
    void fixtureStore_keepsItsTestTypes_andAddsTheScanTypes() throws Exception {
        Path file = FixtureLoaderTest.fixture("dojo_testdata.json");
        try (SandboxServer server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 0, 1)
                .withFixture(file))) {
            List<String> names = testTypes(server).stream().map(t -> t.get("name").asString()).toList();
            assertThat(names).doesNotHaveDuplicates().containsAll(ScanTypes.names());
        }
    }
}
