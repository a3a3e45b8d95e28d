package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan behind LogSecretScanTest finds a planted secret and names it without printing it. */
class LogScanTest {
    private static final String PLANTED = "planted-9d8c7b6a5f4e3d2c1b0a";

    @Test
    void plantedSecret_isReportedAsFileLineAndName_only(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.log"), "fine\nstill fine\nleaked " + PLANTED + " here\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/b.log"), new byte[] {'o', 'k', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        Files.writeString(dir.resolve("sub/c.log"), "x\n" + PLANTED + PLANTED);

        LogScan scan = LogScan.of(dir, Map.of("PLANTED", PLANTED, "OTHER", "never-logged-12345678"));

        assertThat(scan.files()).hasSize(3);
        assertThat(scan.lines()).isEqualTo(7);
        assertThat(scan.hits()).containsExactly("a.log:3: PLANTED", "sub/c.log:2: PLANTED");
        assertThat(String.join("\n", scan.hits())).doesNotContain(PLANTED);
    }
}
