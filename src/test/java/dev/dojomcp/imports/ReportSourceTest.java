package dev.dojomcp.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.tools.ToolInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files are read only from inside IMPORT_DIR, within the size limit; nothing else gets through. */
class ReportSourceTest {
    @TempDir
    Path root;
    private Path importDir;
    private Path outside;
    private WriteSettings settings;

    @BeforeEach
    void files() throws Exception {
        importDir = Files.createDirectories(root.resolve("imports"));
        outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(importDir.resolve("ok.json"), "{\"findings\": []}");
        Files.writeString(outside.resolve("secret.json"), "{\"secret\": true}");
        Files.createDirectories(importDir.resolve("nested"));
        Files.writeString(importDir.resolve("nested/deep.sarif"), "{}");
        settings = new WriteSettings(Optional.empty(), Optional.of(importDir.toRealPath()), 1024);
    }

    private void refused(String path, String rule) {
        assertThatThrownBy(() -> ReportSource.resolve(settings, null, path, null))
                .isInstanceOf(ToolInputException.class)
                .hasMessageContaining("'file_path'").hasMessageContaining(rule)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(root.toString()));
    }

    @Test
    void filesInsideImportDir_areRead_relativeOrAbsolute() throws Exception {
        assertThat(ReportSource.resolve(settings, null, "ok.json", null).fileName()).isEqualTo("ok.json");
        assertThat(ReportSource.resolve(settings, null, "nested/deep.sarif", null).content()).hasSize(2);
        assertThat(ReportSource.resolve(settings, null, importDir.resolve("ok.json").toString(), null).content())
                .isNotEmpty();
        assertThat(ReportSource.resolve(settings, null, "nested/../ok.json", null).fileName()).isEqualTo("ok.json");
    }

    @Test
    void traversal_absolutePathsOutside_andMissingFiles_areRefused() {
        refused("../outside/secret.json", "must be inside IMPORT_DIR");
        refused("nested/../../outside/secret.json", "must be inside IMPORT_DIR");
        refused(outside.resolve("secret.json").toString(), "must be inside IMPORT_DIR");
        refused("/etc/passwd", "must be inside IMPORT_DIR");
        refused("missing.json", "does not exist");
        refused("nested", "not a regular file");
        refused("ok.json\0.txt", "not a valid path");
    }

    @Test
    void symbolicLinks_leadingOut_areRefused() throws Exception {
        Files.createSymbolicLink(importDir.resolve("link.json"), outside.resolve("secret.json"));
        Files.createSymbolicLink(importDir.resolve("dirlink"), outside);
        Files.createSymbolicLink(importDir.resolve("inner.json"), importDir.resolve("ok.json"));
        refused("link.json", "leads outside IMPORT_DIR");
        refused("dirlink/secret.json", "leads outside IMPORT_DIR");
        assertThat(ReportSource.resolve(settings, null, "inner.json", null).content()).isNotEmpty();
    }

    @Test
    void oversizeFiles_andOversizeBase64_areRefused() throws Exception {
        Files.write(importDir.resolve("big.json"), new byte[2048]);
        refused("big.json", "larger than");
        String big = Base64.getEncoder().encodeToString(new byte[2048]);
        assertThatThrownBy(() -> ReportSource.resolve(settings, big, null, "r.json"))
                .hasMessageContaining("'file_content_base64'").hasMessageContaining("larger than");
    }

    @Test
    void base64_needsAValidNameAndContent() {
        String ok = Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(ReportSource.resolve(settings, ok, null, "report.sarif").content()).hasSize(2);
        assertThatThrownBy(() -> ReportSource.resolve(settings, ok, null, null)).hasMessageContaining("'file_name'");
        assertThatThrownBy(() -> ReportSource.resolve(settings, ok, null, "report.exe"))
                .hasMessageContaining("'file_name'");
        assertThatThrownBy(() -> ReportSource.resolve(settings, ok, null, "../report.json"))
                .hasMessageContaining("'file_name'");
        assertThatThrownBy(() -> ReportSource.resolve(settings, "!!not base64!!", null, "r.json"))
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> ReportSource.resolve(settings, ok, "ok.json", null))
                .hasMessageContaining("exactly one");
    }

    @Test
    void withoutImportDir_paths_areRefused() {
        WriteSettings none = WriteSettings.defaults();
        assertThatThrownBy(() -> ReportSource.resolve(none, null, "ok.json", null))
                .hasMessageContaining("IMPORT_DIR");
    }
}
