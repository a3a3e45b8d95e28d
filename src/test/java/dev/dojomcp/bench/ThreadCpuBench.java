package dev.dojomcp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CPU time per thread pool of this JVM between two snapshots (threads that end in between are
 * missed): tells which part of the in-process system (load generator, MCP server, tool calls,
 * sandbox) the cores are spent on.
 */
final class ThreadCpuBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Set<String> clientSelectors;
    private Map<Long, Long> before = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private long processBefore;
    private long wallBefore;

    /** {@code clientSelectors}: names of the load generator's HttpClient selector threads. */
    ThreadCpuBench(Set<String> clientSelectors) {
        this.clientSelectors = clientSelectors;
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    void start() {
        before = snapshot();
        processBefore = processCpu();
        wallBefore = System.nanoTime();
    }

    /** CPU nanoseconds by pool since {@link #start()}, largest first, plus "(process total)" and "(wall)". */
    Map<String, Long> stop() {
        Map<Long, Long> after = snapshot();
        long process = processCpu() - processBefore;
        long wall = System.nanoTime() - wallBefore;
        Map<String, Long> byPool = new TreeMap<>();
        after.forEach((id, cpu) -> {
            long delta = cpu - before.getOrDefault(id, 0L);
            if (delta > 0) {
                byPool.merge(pool(names.getOrDefault(id, "?")), delta, Long::sum);
            }
        });
        Map<String, Long> sorted = new LinkedHashMap<>();
        byPool.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.put("(process total)", process);
        sorted.put("(wall)", wall);
        return sorted;
    }

    private Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
                ThreadInfo info = THREADS.getThreadInfo(id);
                if (info != null) {
                    names.putIfAbsent(id, info.getThreadName());
                }
            }
        }
        return cpu;
    }

    private String pool(String name) {
        if (clientSelectors.contains(name) || name.startsWith("bench-")) {
            return "load generator (client threads + its HttpClient)";
        }
        if (name.startsWith("http-")) {
            return "MCP server: Jetty threads (servlet, SDK transport)";
        }
        if (name.startsWith("boundedElastic")) {
            return "MCP server: Reactor boundedElastic (SDK handler → tool pipeline)";
        }
        if (name.startsWith("dojo-call")) {
            return "MCP server: dojo-call executor";
        }
        if (name.startsWith("HttpClient-")) {
            return "MCP server: DefectDojo HttpClient (selector/workers)";
        }
        if (name.startsWith("dojo-sandbox")) {
            return "sandbox (Jetty + API)";
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
            return "JIT compiler";
        }
        if (name.startsWith("G1 ") || name.startsWith("GC ") || name.contains("GC")) {
            return "GC";
        }
        return "other (" + name.replaceAll("[-#]?\\d+$", "") + ")";
    }

    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
