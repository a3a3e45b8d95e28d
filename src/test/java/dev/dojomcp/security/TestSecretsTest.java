package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.testing.TestSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The log scan only finds secrets it knows: every DefectDojo-style key written in the tests is listed. */
class TestSecretsTest {
    private static final Pattern HEX_KEY = Pattern.compile("\"([0-9a-fA-F]{40})\"");

    @Test
    void every40HexLiteralInTheTests_isATestSecret() throws IOException {
        Set<String> missing = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> all = Files.walk(Path.of("src/test/java"))) {
            sources = all.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            Matcher m = HEX_KEY.matcher(Files.readString(source));
            while (m.find()) {
                if (!TestSecrets.all().contains(m.group(1))) {
                    missing.add(source + ": " + m.group(1).substring(0, 6) + "…");
                }
            }
        }
        assertThat(missing).as("add these keys to TestSecrets").isEmpty();
    }

    @Test
    void secrets_areLongEnoughToBeRegistered() {
        assertThat(TestSecrets.all()).isNotEmpty().allSatisfy(s ->
                assertThat(s.length()).isGreaterThanOrEqualTo(LogRedaction.MIN_SECRET_LENGTH));
    }
}
