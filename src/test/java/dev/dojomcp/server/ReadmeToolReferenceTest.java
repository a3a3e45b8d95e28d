package dev.dojomcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeToolReferenceTest {
    @Test
    void readme_toolReference_isGeneratedFromTheDeclarations() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String expected = ToolReference.updateReadme(readme, ToolReference.markdown(StandardCatalog.create()));
        assertThat(readme).as("README tool reference is stale: run bin/dojo-mcp tools --update-readme README.md")
                .isEqualTo(expected);
    }

    @Test
    void readme_documentsEveryStatusMapping() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (var s : dev.dojomcp.findings.FindingStatus.values()) {
            String filters = s.filters().isEmpty() ? "no filter" : String.join("&",
                    s.filters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            assertThat(readme).as(s.label()).contains("| " + s.label() + " | `" + filters + "`");
        }
    }
}
