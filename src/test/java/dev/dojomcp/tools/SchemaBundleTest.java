package dev.dojomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.server.StandardCatalog;
import dev.dojomcp.tools.schema.SchemaBundle;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaBundleTest {
    @Test
    void buildTimeBundle_isUsed_andEqualsGeneratedSchemas() {
        for (ToolSpec<?, ?> t : StandardCatalog.create().all()) {
            var entry = SchemaBundle.lookup(t.name(), McpToolBinding.fingerprint(t));
            assertThat(entry).as("bundle entry for %s (run the build's process-classes phase)", t.name()).isPresent();
            assertThat(json(entry.get().input())).isEqualTo(json(McpToolBinding.generateInputSchema(t)));
            assertThat(json(entry.get().output())).isEqualTo(json(McpToolBinding.generateOutputSchema(t)));
        }
    }

    private static String json(Object o) {
        return dev.dojomcp.defectdojo.Json.mapper().writeValueAsString(o);
    }

    record A(String x, Integer limit) {
    }

    record B(String x, Long limit) {
    }

    record C(String x, @dev.dojomcp.tools.schema.Range(min = 1) Integer limit) {
    }

    @Test
    void fingerprint_changesWithTheRecords() {
        String a = SchemaBundle.fingerprint(A.class, List.class);
        assertThat(a).isEqualTo(SchemaBundle.fingerprint(A.class, List.class));
        assertThat(a).isNotEqualTo(SchemaBundle.fingerprint(B.class, List.class));
        assertThat(a).isNotEqualTo(SchemaBundle.fingerprint(C.class, List.class));
        assertThat(SchemaBundle.lookup("get_findings", "not-the-fingerprint")).isEmpty();
    }
}
