package dev.dojomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dojomcp.defectdojo.Json;
import dev.dojomcp.server.StandardCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.SerializationFeature;

/**
 * Each tool's model-facing definition (name, description, schemas, annotations) is pinned in
 * {@code src/test/resources/toolsnaps/<tool>.json}. A change fails here until the snapshot is
 * regenerated with {@code UPDATE_TOOLSNAPS=true ./mvnw test} and the diff reviewed.
 */
class SchemaSnapshotTest {
    private static final Path DIR = Path.of("src/test/resources/toolsnaps");

    @TestFactory
    Stream<DynamicTest> toolDefinitions_matchTheirSnapshots() {
        boolean update = "true".equals(System.getenv("UPDATE_TOOLSNAPS"));
        boolean ci = System.getenv("CI") != null;
        return StandardCatalog.create().all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            String actual = render(McpToolBinding.describe(t));
            Path file = DIR.resolve(t.name() + ".json");
            if (update || (!Files.exists(file) && !ci)) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("missing snapshot " + file + "; run UPDATE_TOOLSNAPS=true ./mvnw test and commit it");
            }
            assertThat(actual).as("tool %s changed; review and rerun with UPDATE_TOOLSNAPS=true", t.name())
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }));
    }

    @TestFactory
    Stream<DynamicTest> noOrphanSnapshots() throws Exception {
        List<String> names = StandardCatalog.create().all().stream().map(ToolSpec::name).toList();
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                    () -> assertThat(names).contains(f.getFileName().toString().replaceFirst("\\.json$", ""))))
                    .toList().stream();
        }
    }

    static String render(Object tool) {
        Map<String, Object> map = io.modelcontextprotocol.json.McpJsonDefaults.getMapper().convertValue(tool,
                new io.modelcontextprotocol.json.TypeRef<Map<String, Object>>() { });
        return Json.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(sorted(map)) + "\n";
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(SchemaSnapshotTest::sorted).toList();
        }
        return o;
    }
}
