package dev.dojomcp.imports;

import dev.dojomcp.defectdojo.UploadProgress;
import dev.dojomcp.tools.Progress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Turns upload byte counts into MCP progress notifications, about every tenth of the report and at
 * the end. The counts arrive on the HTTP client's threads, which must not wait for the MCP client;
 * the notifications go out in order from one thread of their own, drained before the result is sent.
 */
final class UploadNotifier implements UploadProgress, AutoCloseable {
    private static final long MIN_STEP = 256 * 1024;

    private final Progress progress;
    private final ExecutorService sender;
    private long lastReported = -1;

    UploadNotifier(Progress progress) {
        this.progress = progress;
        this.sender = progress == Progress.NONE ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dojo-upload-progress");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void sent(long bytes, long total) {
        if (sender == null) {
            return;
        }
        long step = Math.max(MIN_STEP, total / 10);
        if (bytes == total || lastReported < 0 || bytes - lastReported >= step) {
            lastReported = bytes;
            String message = bytes == total ? "report uploaded; waiting for DefectDojo to parse and de-duplicate it"
                    : "uploading report to DefectDojo";
            sender.execute(() -> progress.report(bytes, (double) total, message));
        }
    }

    @Override
    public void close() {
        if (sender == null) {
            return;
        }
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
