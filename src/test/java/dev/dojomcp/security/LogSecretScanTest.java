package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dojomcp.testing.TestLogs;
import dev.dojomcp.testing.TestSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs after all other tests ({@code ./mvnw verify}, surefire execution {@code log-secret-scan}; excluded from
 * {@code ./mvnw test}): no file under {@code target/test-logs/} may contain a secret from {@link TestSecrets}.
 * A hit is reported as file:line and the secret's name, never its value. Missing or empty logs fail too, so
 * the scan cannot pass because nothing was logged.
 */
class LogSecretScanTest {
    private static final int MAX_REPORTED = 50;

    @Test
    void testLogs_containNoConfiguredSecret() throws IOException {
        Path dir = TestLogs.dir();
        for (String required : List.of(TestLogs.TEST_RUN, TestLogs.CHILD_STDERR)) {
            Path file = dir.resolve(required);
            assertThat(Files.isRegularFile(file) && Files.size(file) > 0)
                    .as("%s is missing or empty: run the whole suite first (./mvnw verify), or add -DskipLogScan "
                            + "to a partial run", file).isTrue();
        }
        assertThat(TestSecrets.byName()).isNotEmpty();
        LogScan scan = LogScan.of(dir, TestSecrets.byName());
        String summary = "log secret scan: " + scan.lines() + " lines (" + scan.bytes() + " bytes) in "
                + scan.files().size() + " files under " + dir + " checked for " + TestSecrets.byName().size()
                + " test secrets";
        System.out.println(summary);
        for (Path file : scan.files()) {
            System.out.println("  " + dir.relativize(file) + " (" + Files.size(file) + " bytes)");
        }
        assertThat(scan.lines()).as("no log lines under %s", dir).isPositive();
        List<String> hits = scan.hits();
        if (!hits.isEmpty()) {
            fail(hits.size() + " log line(s) contain a configured secret (" + summary + "):\n  "
                    + String.join("\n  ", hits.subList(0, Math.min(hits.size(), MAX_REPORTED)))
                    + (hits.size() > MAX_REPORTED ? "\n  ..." : ""));
        }
    }
}
