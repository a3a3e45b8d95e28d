package dev.dojomcp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of {@code java -jar dojo-mcp.jar serve} over stdio: process start until the
 * {@code tools/list} answer line arrives on stdout. The three messages (initialize,
 * notifications/initialized, tools/list) are written to stdin at once. Children are always killed.
 */
final class StartupBench implements AutoCloseable {
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"" + McpHttpDriver.PROTOCOL_VERSION + "\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"dojo-mcp-bench\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}";
    static final String TOOL_CALL = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"get_finding_by_id\",\"arguments\":{\"finding_id\":1}}}";

    /** One launch configuration; {@code trainFlags} empty when there is nothing to train. */
    record Config(String name, Path java, List<String> runFlags, List<String> trainFlags, Path cache) {
    }

    /** The outcome of one launch. */
    record Launch(long nanosToToolsList, int toolCount, int exitCode) {
    }

    private final Path jar;
    private final Path workDir;
    private final Map<String, String> env;
    private final Set<Process> children = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "startup-watchdog");
        t.setDaemon(true);
        return t;
    });

    StartupBench(Path jar, Path workDir, Map<String, String> env) {
        this.jar = jar;
        this.workDir = workDir;
        this.env = env;
        // Also on SIGTERM/Ctrl-C (bin/bench's trap, timeout): no child JVM outlives the driver.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(Process::destroyForcibly),
                "startup-children-reaper"));
    }

    /**
     * A training run: initialize + tools/list + one tool call, then stdin is closed and the JVM
     * writes its archive at exit. Returns whether the cache file exists afterwards.
     */
    boolean train(Config c, Path log) throws IOException, InterruptedException {
        Files.deleteIfExists(c.cache());
        List<String> cmd = command(c.java(), c.trainFlags());
        launch(cmd, log, true, 180);
        return Files.isRegularFile(c.cache()) && Files.size(c.cache()) > 0;
    }

    Launch measure(Config c, Path log) throws IOException, InterruptedException {
        return launch(command(c.java(), c.runFlags()), log, false, 60);
    }

    /**
     * One extra (untimed) launch with class-load logging: the share of loaded classes that came from
     * a CDS archive / AOT cache ("shared objects file"), as "shared/total".
     */
    String sharedClasses(Config c, Path classLog) throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(c.runFlags());
        flags.add("-Xlog:class+load=info:file=" + classLog);
        Files.deleteIfExists(classLog);
        launch(command(c.java(), flags), classLog.resolveSibling(classLog.getFileName() + ".stderr"), false, 60);
        if (!Files.exists(classLog)) {
            return "?";
        }
        long total = 0;
        long shared = 0;
        try (BufferedReader r = Files.newBufferedReader(classLog, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains("source:")) {
                    total++;
                    if (line.contains("shared objects file")) {
                        shared++;
                    }
                }
            }
        }
        return total == 0 ? "?" : shared + "/" + total;
    }

    private List<String> command(Path java, List<String> flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(flags);
        cmd.addAll(Arrays.asList("-jar", jar.toString(), "serve"));
        return cmd;
    }

    private Launch launch(List<String> cmd, Path log, boolean training, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().putAll(env);
        pb.directory(workDir.toFile());
        pb.redirectError(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        children.add(p);
        ScheduledFuture<?> kill = watchdog.schedule(() -> {
            p.destroyForcibly();
        }, timeoutSeconds, TimeUnit.SECONDS);
        try {
            OutputStream in = p.getOutputStream();
            in.write((INITIALIZE + "\n" + INITIALIZED + "\n" + TOOLS_LIST + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            long toolsList = -1;
            int tools = -1;
            String line;
            while ((line = out.readLine()) != null) {
                long now = System.nanoTime();
                if (isAnswerTo(line, 2)) {
                    toolsList = now - t0;
                    tools = countOccurrences(line, "\"inputSchema\"");
                    break;
                }
            }
            if (toolsList < 0) {
                throw new IOException("no tools/list answer from " + cmd.get(0) + " (see " + log + ")");
            }
            if (training) {
                in.write((TOOL_CALL + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                boolean answered = false;
                while ((line = out.readLine()) != null) {
                    if (isAnswerTo(line, 3)) {
                        answered = true;
                        break;
                    }
                }
                if (!answered) {
                    throw new IOException("no tools/call answer in the training run (see " + log + ")");
                }
            }
            in.close(); // EOF: the server closes and exits (a training JVM writes its archive now)
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("child did not exit after stdin closed (see " + log + ")");
            }
            return new Launch(toolsList, tools, p.exitValue());
        } finally {
            kill.cancel(false);
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            children.remove(p);
        }
    }

    static boolean isAnswerTo(String line, int id) {
        // A JSON-RPC answer starts {"jsonrpc":"2.0","id":N,...; look only at its head, not into the result.
        String head = line.substring(0, Math.min(line.length(), 48)).replace(" ", "");
        return head.contains("\"id\":" + id + ",") || head.contains("\"id\":" + id + "}");
    }

    private static int countOccurrences(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    /** First line of {@code java -version}. */
    static String javaVersion(Path java) {
        try {
            Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            try {
                String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor(20, TimeUnit.SECONDS);
                return all.lines().skip(1).findFirst().orElse(all.strip()).strip();
            } finally {
                p.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            return "unknown (" + e + ")";
        }
    }

    @Override
    public void close() {
        for (Process p : children) {
            p.destroyForcibly();
        }
        children.clear();
        watchdog.shutdownNow();
    }
}
