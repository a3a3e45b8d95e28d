package dev.dojomcp.audit.forward;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a test audit trail: valid JSON lines with {@code seq} and {@code type} (no HMACs: the forwarder does not
 * check them). Like the real writer, each record is appended to whatever file the path names now, so after a
 * rotation the next record creates a new file.
 */
final class TestTrail {
    final Path file;
    private long seq;
    private volatile Runnable afterAppend = () -> { };

    TestTrail(Path file) {
        this.file = file;
    }

    void onAppend(Runnable r) {
        afterAppend = r;
    }

    static String line(long seq, String type, String extra) {
        return "{" + (extra.isEmpty() ? "" : extra + ",") + "\"seq\":" + seq + ",\"time\":\""
                + Instant.parse("2026-11-23T10:15:30.123Z").plusMillis(seq) + "\",\"type\":\"" + type + "\",\"v\":1}";
    }

    /** Appends {@code n} tool_call records; returns the last seq. */
    long append(int n) throws IOException {
        long last = 0;
        for (int i = 0; i < n; i++) {
            last = appendRecord("tool_call", "\"outcome\":\"success\"");
        }
        return last;
    }

    synchronized long appendRecord(String type, String extra) throws IOException {
        long s = ++seq;
        write(line(s, type, extra) + "\n");
        afterAppend.run();
        return s;
    }

    synchronized void write(String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    synchronized long seq() {
        return seq;
    }

    /** logrotate (rename, no copytruncate): {@code f.N -> f.N+1}, …, {@code f -> f.1}. */
    synchronized void rotate() throws IOException {
        List<Integer> existing = new ArrayList<>();
        for (int i = 1; Files.exists(rotated(i)); i++) {
            existing.add(i);
        }
        for (int i = existing.size(); i >= 1; i--) {
            Files.move(rotated(i), rotated(i + 1));
        }
        Files.move(file, rotated(1));
    }

    Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }
}
