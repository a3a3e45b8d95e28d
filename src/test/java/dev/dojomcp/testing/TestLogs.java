package dev.dojomcp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder every test log goes to ({@code target/test-logs/}, system property {@code dojo.test.logs} set by
 * surefire), read afterwards by {@code LogSecretScanTest}: {@value #TEST_RUN} (the test JVMs' own Log4j
 * output), {@value #CHILD_LOG4J} (the Log4j output of servers started as child processes) and
 * {@value #CHILD_STDERR} (everything those children wrote to stderr).
 */
public final class TestLogs {
    public static final String PROPERTY = "dojo.test.logs";
    public static final String TEST_RUN = "test-run.log";
    public static final String CHILD_LOG4J = "child-processes-log4j.log";
    public static final String CHILD_STDERR = "child-processes.log";

    private TestLogs() {
    }

    public static Path dir() {
        return Path.of(System.getProperty(PROPERTY, "target/test-logs")).toAbsolutePath();
    }

    /** JVM options that make a child's Log4j append to {@value #CHILD_LOG4J} (see log4j2-test.xml). */
    public static List<String> childJvmOptions() {
        return List.of("-D" + PROPERTY + "=" + dir(), "-Ddojo.test.log.name=" + CHILD_LOG4J);
    }

    /** Appends what a child process wrote to stderr, under a header naming the command (never its environment). */
    public static synchronized void recordChildStderr(String command, String stderr) {
        String header = "=== " + LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + command + " ===\n";
        String body = stderr == null || stderr.isEmpty() ? "(no stderr)\n" : stderr.endsWith("\n") ? stderr : stderr + "\n";
        try {
            Files.createDirectories(dir());
            Files.writeString(dir().resolve(CHILD_STDERR), header + body, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot append to " + dir().resolve(CHILD_STDERR), e);
        }
    }

    /** Empties the folder; the build runs this before the tests, so the scan reads this build's logs only. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/test-logs");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(folder)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(folder);
    }
}
