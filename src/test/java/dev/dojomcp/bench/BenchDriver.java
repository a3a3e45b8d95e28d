package dev.dojomcp.bench;

import dev.dojomcp.config.Transport;
import dev.dojomcp.defectdojo.Json;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.sandbox.SandboxServer;
import dev.dojomcp.server.ServerRuntime;
import dev.dojomcp.testing.TestServers;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.transport.HttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The dojo-mcp benchmark ({@code bin/bench}). In one JVM it starts the DefectDojo sandbox and the MCP
 * server on Streamable HTTP (both in-process, on 127.0.0.1 ephemeral ports) and measures
 * (a) the latency overhead of {@code get_finding_by_id} through MCP against the same direct REST
 * call, (b) MCP throughput at several concurrency levels, and (c) stdio start-up of the server jar
 * as a child process on JDK 17 / 25 with and without a class-data archive / AOT cache. Prints a
 * Markdown report and writes it to {@code target/bench/results.md}.
 *
 * <p>Settings are system properties: {@code bench.findings} (5000), {@code bench.warmup} (2000, at least
 * 1000), {@code bench.n} (3000, at least 2000), {@code bench.seconds} (10), {@code bench.levelWarmupSeconds} (5),
 * {@code bench.levels} (1,8,32), {@code bench.startupRuns} (7), {@code bench.jar}
 * (target/dojo-mcp.jar), {@code bench.java25} (a JDK 25 home; empty = skip),
 * {@code bench.out} (target/bench/results.md), {@code bench.skip} (any of overhead,throughput,startup,audit,scale), {@code bench.scaleFindings} (1000000),
 * {@code bench.variant} ({@code tuned}: a what-if SDK configuration, see {@link #tuned}).
 */
public final class BenchDriver {
    static final String KEY = TestServers.KEY;
    static final int MAX_SAMPLES_PER_LEVEL = 2_000_000;

    private final int findings = Integer.getInteger("bench.findings", 5000);
    private final int warmup = Math.max(1000, Integer.getInteger("bench.warmup", 2000));
    private final int n = Math.max(2000, Integer.getInteger("bench.n", 3000));
    private final int seconds = Math.min(60, Integer.getInteger("bench.seconds", 10));
    private final int levelWarmup = Math.min(30, Integer.getInteger("bench.levelWarmupSeconds", 5));
    private final int[] levels = Arrays.stream(System.getProperty("bench.levels", "1,8,32").split(","))
            .map(String::trim).mapToInt(Integer::parseInt).toArray();
    private final int startupRuns = Math.max(5, Integer.getInteger("bench.startupRuns", 7));
    private final Path jar = Path.of(System.getProperty("bench.jar", "target/dojo-mcp.jar")).toAbsolutePath();
    private final String java25 = System.getProperty("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64");
    private final Path out = Path.of(System.getProperty("bench.out", "target/bench/results.md")).toAbsolutePath();
    private final List<String> skip = Arrays.asList(System.getProperty("bench.skip", "").split(","));

    private final StringBuilder report = new StringBuilder();
    private final Map<String, String> targets = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        BenchDriver driver = new BenchDriver();
        try {
            driver.run();
        } finally {
            System.err.printf(Locale.ROOT, "bench: finished in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        }
        System.exit(0); // daemon pools aside, nothing may keep the JVM
    }

    void run() throws Exception {
        Files.createDirectories(out.getParent());
        Path java17 = Path.of(System.getProperty("java.home"), "bin", "java");
        header(java17);
        SandboxServer sandbox = SandboxServer.start(SandboxOptions.generated(KEY, findings, 42));
        try {
            log("sandbox on " + sandbox.baseUrl() + " with " + sandbox.findingCount() + " findings");
            if (!skip.contains("overhead") || !skip.contains("throughput")) {
                httpPhases(sandbox);
            }
            if (!skip.contains("startup")) {
                startup(sandbox, java17);
            }
            if (!skip.contains("audit")) {
                AuditBench.run(sandbox, KEY, findings, n, report, BenchDriver::log);
            }
        } finally {
            sandbox.close();
        }
        if (!skip.contains("scale")) {
            SandboxScaleBench.run(Integer.getInteger("bench.scaleFindings", 1_000_000), report, BenchDriver::log);
        }
        targetsSection();
        String md = report.toString();
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        log("results written to " + out);
    }

    private void header(Path java17) {
        report.append("### dojo-mcp benchmark results\n\n");
        report.append("- Date: ").append(Instant.now().toString(), 0, 19).append("Z\n");
        report.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (")
                .append(cpuModel()).append("), ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append('\n');
        report.append("- Driver JVM (sandbox + MCP server + load generator, in one process): ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append('\n');
        report.append("- JDK 17: ").append(StartupBench.javaVersion(java17)).append('\n');
        if (!java25.isBlank() && Files.isExecutable(Path.of(java25, "bin", "java"))) {
            report.append("- JDK 25: ").append(StartupBench.javaVersion(Path.of(java25, "bin", "java"))).append('\n');
        }
        report.append('\n');
    }

    // ---------------------------------------------------------------- (a) and (b)

    private void httpPhases(SandboxServer sandbox) throws Exception {
        ServerRuntime runtime = new ServerRuntime(TestServers.connection(sandbox.baseUrl(), KEY), Transport.HTTP,
                ServerRuntime.allToolsets(), dev.dojomcp.config.WriteSettings.defaults(), TestServers.security(),
                Clock.systemUTC());
        HttpTransport server = null;
        McpHttpDriver mcp = null;
        try {
            server = HttpTransport.start(runtime, HttpTransport.HttpOptions.loopback("127.0.0.1", 0),
                    "tuned".equals(System.getProperty("bench.variant")) ? BenchDriver::tuned : s -> { });
            Set<String> selectorsBefore = selectorThreads();
            HttpClient http = McpHttpDriver.newHttpClient();
            Set<String> clientSelectors = selectorThreads();
            clientSelectors.removeAll(selectorsBefore);
            mcp = new McpHttpDriver(http, server.mcpUrl());
            mcp.initialize();
            log("MCP session " + mcp.sessionId() + " at " + server.mcpUrl());
            if (!skip.contains("overhead")) {
                overhead(sandbox, runtime, http, mcp, URI.create("http://127.0.0.1:" + server.port() + "/healthz"));
            }
            if (!skip.contains("throughput")) {
                throughput(mcp, new ThreadCpuBench(clientSelectors));
            }
        } finally {
            if (mcp != null) {
                mcp.close();
            }
            if (server != null) {
                server.close();
            }
            runtime.close();
        }
    }

    /**
     * What-if settings of the SDK server beyond production's (which already runs HTTP tool calls on
     * the request thread and skips re-validating its own results): also skip input validation.
     */
    static void tuned(McpServer.SyncSpecification<?> spec) {
        spec.immediateExecution(true).validateToolInputs(false)
                .jsonSchemaValidator((schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null));
    }

    private static Set<String> selectorThreads() {
        Set<String> names = new HashSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> {
            if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("SelectorManager")) {
                names.add(t.getName());
            }
        });
        return names;
    }

    private void overhead(SandboxServer sandbox, ServerRuntime runtime, HttpClient http, McpHttpDriver mcp,
            URI healthz) throws Exception {
        @SuppressWarnings("unchecked")
        ToolSpec<Object, Object> tool = (ToolSpec<Object, Object>) runtime.catalog().find("get_finding_by_id")
                .orElseThrow();
        URI base = sandbox.baseUrl();
        SplittableRandom random = new SplittableRandom(7);
        BenchStats direct = new BenchStats(n, n);
        BenchStats viaMcp = new BenchStats(n, n);
        BenchStats pipeline = new BenchStats(n, n);
        BenchStats probe = new BenchStats(n, n);
        HttpRequest probeRequest = HttpRequest.newBuilder(healthz).timeout(McpHttpDriver.REQUEST_TIMEOUT).GET().build();
        long directBytes = 0;
        long mcpBytes = 0;
        long errors = 0;
        String contentType = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        log("overhead: " + warmup + " warm-up + " + n + " measured iterations (MCP, direct GET, pipeline alone, "
                + "/healthz)");
        for (int i = 0; i < warmup + n && System.nanoTime() < deadline; i++) {
            boolean measured = i >= warmup;
            long id = 1 + random.nextInt(findings);

            long t0 = System.nanoTime();
            McpHttpDriver.Answer a = mcp.getFindingById(id);
            long t1 = System.nanoTime();
            if (!a.ok()) {
                errors++;
            } else if (i < 20) {
                verify(a.message(), id);
            }

            long t2 = System.nanoTime();
            HttpResponse<String> d = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/findings/" + id + "/"))
                    .timeout(McpHttpDriver.REQUEST_TIMEOUT).header("Authorization", "Token " + KEY)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            long t3 = System.nanoTime();
            if (d.statusCode() != 200) {
                errors++;
            }

            long t4 = System.nanoTime();
            CallToolResult r = runtime.pipeline().call(tool, Map.of("finding_id", id), McpTransportContext.EMPTY);
            long t5 = System.nanoTime();
            if (Boolean.TRUE.equals(r.isError())) {
                errors++;
            }

            long t6 = System.nanoTime();
            HttpResponse<Void> h = http.send(probeRequest, HttpResponse.BodyHandlers.discarding());
            long t7 = System.nanoTime();
            if (h.statusCode() != 200) {
                errors++;
            }
            if (measured) {
                probe.add(t7 - t6);
                viaMcp.add(t1 - t0);
                direct.add(t3 - t2);
                pipeline.add(t5 - t4);
                mcpBytes += a.message().length();
                directBytes += d.body().length();
                contentType = a.contentType();
            }
        }
        long dp50 = direct.percentile(50);
        long mp50 = viaMcp.percentile(50);
        long pp50 = pipeline.percentile(50);
        double overheadMs = (mp50 - dp50) / 1e6;
        double ratio = (double) mp50 / dp50;

        report.append("#### (a) Overhead: `get_finding_by_id` via MCP vs. the direct REST call\n\n");
        report.append("Sandbox with ").append(findings).append(" generated findings; random ids; ").append(warmup)
                .append(" warm-up iterations, then ").append(viaMcp.count())
                .append(" measured iterations, each doing the four calls below in turn (the first three on the same id) ")
                .append("(one thread, one MCP session, keep-alive HTTP/1.1, `java.net.http` client). MCP answers came as `")
                .append(contentType.isEmpty() ? "?" : contentType.split(";")[0]).append("`. Errors: ")
                .append(errors).append(".\n\n");
        report.append("| path | p50 ms | p90 ms | p99 ms | mean ms | avg body bytes |\n|---|---:|---:|---:|---:|---:|\n");
        row(report, "direct `GET /api/v2/findings/{id}/` to the sandbox", direct, directBytes / Math.max(1, direct.count()));
        row(report, "in-process pipeline alone (`ToolPipeline.call`, incl. its REST call; no MCP, no HTTP in front)",
                pipeline, -1);
        row(report, "MCP `tools/call get_finding_by_id` over Streamable HTTP", viaMcp,
                mcpBytes / Math.max(1, viaMcp.count()));
        row(report, "reference: `GET /healthz` on the MCP server's Jetty (one bare loopback HTTP round trip)", probe, 2);
        long hp50 = probe.percentile(50);
        report.append(String.format(Locale.ROOT, "%nOverhead at p50: **%.3f ms** (MCP − direct), ratio **%.2f×**. "
                        + "Split by p50 differences: the tool pipeline (argument binding, DefectDojo client, result "
                        + "mapping, text rendering) %.3f ms (pipeline − direct); the MCP layer %.3f ms (MCP − pipeline), "
                        + "of which one extra loopback HTTP round trip (client → Jetty → client) is about %.3f ms "
                        + "(/healthz) and the SDK's request handling (JSON-RPC parsing, session lookup, input-schema "
                        + "validation, serialisation, SSE framing) the remaining "
                        + "%.3f ms.%n%n",
                overheadMs, ratio, (pp50 - dp50) / 1e6, (mp50 - pp50) / 1e6, hp50 / 1e6, (mp50 - pp50 - hp50) / 1e6));
        targets.put("Overhead ≤ 1 ms at p50", String.format(Locale.ROOT, "%.3f ms (ratio %.2f×) | %s", overheadMs,
                ratio, overheadMs <= 1.0 && errors == 0 ? "**met**" : "**not met**"));
        log(String.format(Locale.ROOT, "overhead p50 %.3f ms, ratio %.2f, errors %d", overheadMs, ratio, errors));
    }

    private static void verify(String message, long id) {
        JsonNode node = Json.mapper().readTree(message);
        JsonNode sc = node.path("result").path("structuredContent");
        if (sc.path("id").asLong() != id) {
            throw new IllegalStateException("get_finding_by_id " + id + " answered " + message);
        }
    }

    private static void row(StringBuilder sb, String name, BenchStats s, long bytes) {
        sb.append("| ").append(name).append(" | ").append(BenchStats.ms(s.percentile(50))).append(" | ")
                .append(BenchStats.ms(s.percentile(90))).append(" | ").append(BenchStats.ms(s.percentile(99)))
                .append(" | ").append(BenchStats.ms(s.meanNanos())).append(" | ")
                .append(bytes < 0 ? "–" : String.valueOf(bytes)).append(" |\n");
    }

    private void throughput(McpHttpDriver mcp, ThreadCpuBench cpu) throws Exception {
        report.append("#### (b) Throughput: `tools/call get_finding_by_id` over Streamable HTTP\n\n");
        report.append("One MCP session shared by N client threads (closed loop: each thread sends its next call when "
                + "the previous one is answered), ").append(levelWarmup).append(" s warm-up then ").append(seconds)
                .append(" s measured per level. Client, MCP server and sandbox share the 2 cores. An error is a "
                        + "non-200 answer, a JSON-RPC error, `isError: true` or an exception.\n\n");
        report.append("| concurrency | calls | calls/s | p50 ms | p99 ms | errors |\n|---:|---:|---:|---:|---:|---:|\n");
        double at32 = -1;
        int top = 0;
        Map<String, Long> topCpu = Map.of();
        long topCalls = 0;
        for (int c : levels) {
            if (c < 1 || c > 256) {
                continue;
            }
            log("throughput: concurrency " + c + " (" + levelWarmup + " s warm-up + " + seconds + " s)");
            load(mcp, c, levelWarmup, null);
            cpu.start();
            Level l = load(mcp, c, seconds, new ArrayList<>());
            Map<String, Long> used = cpu.stop();
            double perSecond = l.calls / l.seconds;
            report.append(String.format(Locale.ROOT, "| %d | %d | %.0f | %s | %s | %d |%n", c, l.calls, perSecond,
                    BenchStats.ms(l.stats.percentile(50)), BenchStats.ms(l.stats.percentile(99)), l.errors));
            log(String.format(Locale.ROOT, "  %.0f calls/s, p50 %s ms, p99 %s ms, %d errors", perSecond,
                    BenchStats.ms(l.stats.percentile(50)), BenchStats.ms(l.stats.percentile(99)), l.errors));
            if (c >= top) {
                top = c;
                at32 = perSecond;
                topCpu = used;
                topCalls = l.calls;
            }
        }
        report.append('\n');
        if (topCalls > 0) {
            cpuTable(top, topCpu, topCalls);
        }
        if (top > 0) {
            targets.put("≥ 3,000 calls/s at concurrency 32", String.format(Locale.ROOT, "%.0f calls/s at %d | %s",
                    at32, top, top >= 32 && at32 >= 3000 ? "**met**" : "**not met**"));
        }
    }

    private void cpuTable(int concurrency, Map<String, Long> used, long calls) {
        long process = used.getOrDefault("(process total)", -1L);
        long wall = used.getOrDefault("(wall)", 1L);
        int cores = Runtime.getRuntime().availableProcessors();
        report.append(String.format(Locale.ROOT, "Where the CPU went at concurrency %d (thread CPU time over the "
                + "measured window; the process used %.0f%% of %d cores):%n%n", concurrency,
                100.0 * process / wall / cores, cores));
        report.append("| threads | CPU µs per call | share |\n|---|---:|---:|\n");
        long javaThreads = 0;
        for (Map.Entry<String, Long> e : used.entrySet()) {
            if (e.getKey().startsWith("(")) {
                continue;
            }
            javaThreads += e.getValue();
            if (e.getValue() * 200 < process) {
                continue; // under 0.5 %
            }
            report.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f%% |%n", e.getKey(),
                    e.getValue() / 1e3 / calls, 100.0 * e.getValue() / process));
        }
        long vm = process - javaThreads;
        report.append(String.format(Locale.ROOT, "| JVM-internal (GC, JIT) and minor threads | %.0f | %.1f%% |%n",
                Math.max(0, vm) / 1e3 / calls, 100.0 * Math.max(0, vm) / process));
        report.append(String.format(Locale.ROOT, "| **total** | **%.0f** | 100%% |%n%n", process / 1e3 / calls));
    }

    record Level(long calls, long errors, double seconds, BenchStats stats) {
    }

    /** Closed-loop load for a fixed time; records latencies when {@code parts} is given. */
    private Level load(McpHttpDriver mcp, int concurrency, int forSeconds, List<BenchStats> parts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        int perThreadCap = MAX_SAMPLES_PER_LEVEL / concurrency;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(forSeconds);
        List<Future<BenchStats>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < concurrency; t++) {
                long seed = 1000L * concurrency + t;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    BenchStats mine = new BenchStats(4096, perThreadCap);
                    int done = 0;
                    while (done < perThreadCap) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        try {
                            McpHttpDriver.Answer a = mcp.getFindingById(1 + random.nextInt(findings));
                            long t1 = System.nanoTime();
                            if (!a.ok()) {
                                errors.incrementAndGet();
                            }
                            if (t1 <= end) { // a call still running at the deadline is not counted
                                mine.add(t1 - t0);
                                calls.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            Thread.sleep(1);
                        }
                        done++;
                    }
                    return mine;
                }));
            }
            List<BenchStats> collected = new ArrayList<>();
            for (Future<BenchStats> f : futures) {
                collected.add(f.get(forSeconds + 60L, TimeUnit.SECONDS));
            }
            double elapsed = Math.min(System.nanoTime(), end) - start;
            BenchStats all = BenchStats.merge(collected);
            if (parts != null) {
                parts.addAll(collected);
            }
            return new Level(calls.get(), errors.get(), elapsed / 1e9, all);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- (c)

    private void startup(SandboxServer sandbox, Path java17) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build it with ./mvnw -B -q -DskipTests package");
        }
        Path dir = out.getParent();
        Path target = jar.getParent();
        Map<String, String> env = Map.of(
                "DEFECTDOJO_URL", sandbox.baseUrl().toString(),
                "DEFECTDOJO_API_KEY", KEY,
                "ALLOW_INSECURE_HTTP", "true",
                "LOG_LEVEL", "warn");
        Path jsa = target.resolve("dojo-mcp.jsa");
        Path aot = target.resolve("dojo-mcp.aot");
        List<StartupBench.Config> configs = new ArrayList<>();
        configs.add(new StartupBench.Config("JDK 17 default", java17, List.of(), List.of(), null));
        configs.add(new StartupBench.Config("JDK 17 + AppCDS archive", java17,
                List.of("-XX:SharedArchiveFile=" + jsa), List.of("-XX:ArchiveClassesAtExit=" + jsa), jsa));
        configs.add(new StartupBench.Config("JDK 17 + AppCDS + C1 + SerialGC (what bin/dojo-mcp runs for stdio)",
                java17, List.of("-XX:SharedArchiveFile=" + jsa, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                List.of(), jsa));
        Path j25 = java25.isBlank() ? null : Path.of(java25, "bin", "java");
        boolean have25 = j25 != null && Files.isExecutable(j25);
        if (have25) {
            configs.add(new StartupBench.Config("JDK 25 default", j25, List.of(), List.of(), null));
            configs.add(new StartupBench.Config("JDK 25 + AOT cache", j25, List.of("-XX:AOTCache=" + aot),
                    List.of("-XX:AOTCacheOutput=" + aot), aot));
            Path aotC1 = target.resolve("dojo-mcp-c1.aot");
            List<String> c1 = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
            List<String> run = new ArrayList<>(c1);
            run.add("-XX:AOTCache=" + aotC1);
            List<String> train = new ArrayList<>(c1);
            train.add("-XX:AOTCacheOutput=" + aotC1);
            configs.add(new StartupBench.Config("JDK 25 + AOT cache + C1 + SerialGC", j25, run, train, aotC1));
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, Integer> toolCounts = new LinkedHashMap<>();
        List<StartupBench.Config> usable = new ArrayList<>();
        try (StartupBench bench = new StartupBench(jar, dir, env)) {
            for (StartupBench.Config c : configs) {
                times.put(c.name(), new ArrayList<>());
                String slug = slug(c.name());
                if (!c.trainFlags().isEmpty()) {
                    log("start-up: training " + c.name());
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = bench.train(c, dir.resolve("train-" + slug + ".log"));
                    } catch (IOException e) {
                        log("  training failed: " + e.getMessage());
                        ok = false;
                    }
                    if (!ok) {
                        notes.put(c.name(), "training produced no cache (see target/bench/train-" + slug + ".log)");
                        continue;
                    }
                    notes.put(c.name(), String.format(Locale.ROOT, "%.1f MB, trained in %.1f s",
                            Files.size(c.cache()) / 1e6, (System.nanoTime() - t0) / 1e9));
                }
                usable.add(c);
            }
            // Round-robin over configurations so that drift on the machine hits them all alike.
            for (int run = 0; run < startupRuns; run++) {
                for (StartupBench.Config c : usable) {
                    StartupBench.Launch l = bench.measure(c, dir.resolve("startup-" + slug(c.name()) + ".log"));
                    times.get(c.name()).add(l.nanosToToolsList());
                    toolCounts.put(c.name(), l.toolCount());
                }
                log("start-up: run " + (run + 1) + "/" + startupRuns + " done");
            }
            for (StartupBench.Config c : usable) {
                String shared = bench.sharedClasses(c, dir.resolve("classload-" + slug(c.name()) + ".txt"));
                notes.merge(c.name(), "classes from archive: " + shared, (a, b) -> a + "; " + b);
            }
        }

        report.append("#### (c) Start-up over stdio: process start → `tools/list` answer\n\n");
        report.append("`java [flags] -jar target/dojo-mcp.jar serve` as a child process (DefectDojo = the sandbox in "
                + "the driver JVM; `LOG_LEVEL=warn`); `initialize`, `notifications/initialized` and `tools/list` "
                + "written to stdin at once; the clock stops when the `tools/list` answer line arrives. ")
                .append(startupRuns).append(" runs per configuration, interleaved. Training runs do initialize + "
                        + "tools/list + one `get_finding_by_id` call, then close stdin. \"Classes from archive\" "
                        + "comes from one extra run with `-Xlog:class+load`.\n\n");
        report.append("| configuration | flags | median ms | min ms | max ms | tools | notes |\n"
                + "|---|---|---:|---:|---:|---:|---|\n");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (StartupBench.Config c : configs) {
            List<Long> t = times.getOrDefault(c.name(), List.of());
            if (t.isEmpty()) {
                report.append("| ").append(c.name()).append(" | | – | – | – | – | ")
                        .append(notes.getOrDefault(c.name(), "not run")).append(" |\n");
                continue;
            }
            long[] sorted = t.stream().mapToLong(Long::longValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
            medians.put(c.name(), median);
            report.append("| ").append(c.name()).append(" | ")
                    .append(c.runFlags().isEmpty() ? "–" : "`" + String.join(" ", c.runFlags())
                            .replace(target.toString() + "/", "target/") + "`")
                    .append(" | ").append(BenchStats.ms0(median)).append(" | ").append(BenchStats.ms0(sorted[0]))
                    .append(" | ").append(BenchStats.ms0(sorted[sorted.length - 1])).append(" | ")
                    .append(toolCounts.getOrDefault(c.name(), -1)).append(" | ")
                    .append(notes.getOrDefault(c.name(), "")).append(" |\n");
        }
        if (!have25) {
            report.append("| JDK 25 | | – | – | – | – | no JDK 25 at `").append(java25).append("` (set BENCH_JAVA25) |\n");
        }
        report.append('\n');
        StringBuilder verdict = new StringBuilder();
        boolean anyMet = false;
        for (StartupBench.Config c : configs) {
            if (c.cache() != null) {
                Double m = medians.get(c.name());
                boolean met = m != null && m <= 400e6;
                anyMet |= met;
                verdict.append(verdict.length() > 0 ? "; " : "").append(c.name()).append(": ")
                        .append(m == null ? "not measured" : BenchStats.ms0(m) + " ms " + (met ? "(met)" : "(not met)"));
            }
        }
        targets.put("stdio start ≤ 0.4 s with the cache (median)", verdict + " | "
                + (anyMet ? "**met**" : "**not met**"));
    }

    private void targetsSection() {
        if (targets.isEmpty()) {
            return;
        }
        report.append("#### Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        targets.forEach((k, v) -> report.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        report.append('\n');
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("cpu unknown");
        } catch (IOException | RuntimeException e) {
            return "cpu unknown";
        }
    }

    private static void log(String message) {
        System.err.println("bench: " + message);
    }
}
