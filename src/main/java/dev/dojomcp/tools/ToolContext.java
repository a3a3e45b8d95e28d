package dev.dojomcp.tools;

import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.defectdojo.DefectDojoClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.MDC;

/**
 * What a handler may use during one call: the DefectDojo client for this tool (the write key for
 * writes), a clock, a pool for fan-out, the write settings and the caller's progress channel.
 */
public record ToolContext(
        String requestId, DefectDojoClient dojo, Clock clock, ServerProfile profile, ExecutorService executor,
        WriteSettings writes, Progress progress) {

    /** Runs independent DefectDojo calls concurrently (bounded by the client's own limit), in order. */
    public <T> List<T> all(List<Callable<T>> calls) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        List<Future<T>> futures = new ArrayList<>(calls.size());
        for (Callable<T> call : calls) {
            futures.add(executor.submit(() -> {
                if (mdc != null) {
                    MDC.setContextMap(mdc);
                }
                try {
                    return call.call();
                } finally {
                    MDC.clear();
                }
            }));
        }
        List<T> out = new ArrayList<>(calls.size());
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new ToolException("interrupted");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
        return out;
    }
}
