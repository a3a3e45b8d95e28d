package dev.dojomcp.imports;

import dev.dojomcp.defectdojo.UploadProgress;
import dev.dojomcp.tools.Progress;

/** Turns upload byte counts into MCP progress notifications: about every tenth of the report, and at the end. */
final class UploadNotifier implements UploadProgress {
    private static final long MIN_STEP = 256 * 1024;

    private final Progress progress;
    private long lastReported = -1;

    UploadNotifier(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void sent(long bytes, long total) {
        long step = Math.max(MIN_STEP, total / 10);
        if (bytes == total || lastReported < 0 || bytes - lastReported >= step) {
            lastReported = bytes;
            progress.report(bytes, (double) total, bytes == total
                    ? "report uploaded; waiting for DefectDojo to parse and de-duplicate it"
                    : "uploading report to DefectDojo");
        }
    }
}
