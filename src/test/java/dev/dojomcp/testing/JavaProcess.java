package dev.dojomcp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code dev.dojomcp.Main} in a child JVM with a controlled environment, as users and CI do. Each run's
 * stderr is also appended to {@code target/test-logs/child-processes.log} ({@link TestLogs}).
 */
public final class JavaProcess {
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private JavaProcess() {
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static List<String> mainCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary()));
        // The child's Log4j also appends dev.dojomcp DEBUG to target/test-logs/ (scanned for secrets after the tests).
        cmd.addAll(TestLogs.childJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.dojomcp.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs to completion (at most 60 s) with exactly the given environment variables plus PATH. */
    public static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return runWithInput(env, null, args);
    }

    /** As {@link #run}, writing {@code input} to standard input and then closing it. */
    public static Result runWithInput(Map<String, String> env, String input, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(mainCommand(args));
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().putAll(env);
        pb.directory(Path.of("target").toFile());
        if (input == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Path out = java.nio.file.Files.createTempFile("dojo-mcp-out", ".txt");
        Path err = java.nio.file.Files.createTempFile("dojo-mcp-err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (input != null) {
            try (var stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            TestLogs.recordChildStderr("dojo-mcp " + String.join(" ", args) + " (killed after 60 s)",
                    java.nio.file.Files.readString(err));
            throw new AssertionError("process did not finish within 60 s");
        }
        try {
            Result result = new Result(p.exitValue(), java.nio.file.Files.readString(out),
                    java.nio.file.Files.readString(err));
            TestLogs.recordChildStderr("dojo-mcp " + String.join(" ", args) + " (exit " + result.exitCode() + ")",
                    result.stderr());
            return result;
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }
}
