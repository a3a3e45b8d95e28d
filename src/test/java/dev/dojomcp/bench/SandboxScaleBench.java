package dev.dojomcp.bench;

import dev.dojomcp.config.Transport;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.sandbox.SandboxServer;
import dev.dojomcp.server.ServerRuntime;
import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.common.McpTransportContext;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * (d) The sandbox at scale: generation time and heap for a million findings, DefectDojo-style count
 * queries ({@code limit=1}) against it, and {@code finding_summary} over all of it.
 */
final class SandboxScaleBench {
    private static final String KEY = "bench-scale-key-0123456789abcdef01234567";
    private static final List<String> QUERIES = List.of("", "active=true", "active=true&severity=Critical,High",
            "date=3", "outside_of_sla=1", "tags=pci&epss_score_min=10", "title=injection");
    private static final int RUNS = 5;

    private SandboxScaleBench() {
    }

    static void run(int findings, StringBuilder report, Consumer<String> log) throws Exception {
        log.accept("scale: generating " + findings + " findings");
        System.gc();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.generated(KEY, findings, 42))) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            System.gc();
            long heapMb = (usedHeap() - heapBefore) / (1024 * 1024);
            report.append(String.format(Locale.ROOT, "%n#### (d) The sandbox at scale%n%n%,d generated findings: "
                    + "sandbox started in %,d ms, %,d MB of heap after GC (driver JVM, -Xmx1g). Count queries "
                    + "(`limit=1`, read `count`), %d runs each:%n%n| query | count | best ms | median ms |%n"
                    + "|---|---:|---:|---:|%n", findings, startMs, heapMb, RUNS));
            HttpClient http = HttpClient.newHttpClient();
            for (String q : QUERIES) {
                long[] times = new long[RUNS];
                String count = "";
                for (int i = 0; i < RUNS; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                            + "/api/v2/findings/?" + (q.isEmpty() ? "" : q + "&") + "limit=1"))
                            .header("Authorization", "Token " + KEY).build(), HttpResponse.BodyHandlers.ofString());
                    times[i] = System.nanoTime() - s;
                    count = dev.dojomcp.defectdojo.Json.mapper().readTree(r.body()).path("count").asString();
                }
                Arrays.sort(times);
                report.append(String.format(Locale.ROOT, "| `%s` | %s | %.1f | %.1f |%n", q.isEmpty() ? "(none)" : q,
                        count, times[0] / 1e6, times[RUNS / 2] / 1e6));
            }
            try (ServerRuntime runtime = new ServerRuntime(TestServers.connection(sandbox.baseUrl(), KEY),
                    Transport.STDIO, ServerRuntime.allToolsets(), Clock.systemUTC())) {
                var tool = runtime.catalog().find("finding_summary").orElseThrow();
                long[] times = new long[3];
                Object requests = "";
                for (int i = 0; i < times.length; i++) {
                    long s = System.nanoTime();
                    var result = runtime.pipeline().call(tool, Map.of(), McpTransportContext.EMPTY);
                    times[i] = System.nanoTime() - s;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> sc = (Map<String, Object>) result.structuredContent();
                    requests = sc == null ? "error" : sc.get("defectdojo_requests");
                }
                Arrays.sort(times);
                report.append(String.format(Locale.ROOT, "%n`finding_summary` over all %,d findings (no scope): "
                        + "median %.0f ms of 3 runs, %s DefectDojo requests (count queries plus at most 5 pages of "
                        + "1,000 for the age and CWE sample).%n", findings, times[1] / 1e6, requests));
            }
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
