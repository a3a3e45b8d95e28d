package dev.dojomcp.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where the chain stands when the server starts: the last record of the audit file (cutting an
 * incomplete last line left by a crash), or, when the file is gone or empty (rotated while the server
 * was down), the last checkpoint of the anchor file, which a clean stop always writes.
 */
final class ChainResume {
    private static final int MAX_LINE = 16 * 1024 * 1024;

    /** Where the new segment starts and what its {@code chain_start} record says about the prior one. */
    record Start(ChainHead head, Map<String, Object> fields, String warning) {
    }

    private ChainResume() {
    }

    static Start resume(Path logFile, Path anchorFile, HmacKey key) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        long discarded = logFile == null ? 0 : cutPartialLine(logFile);
        Optional<Map<String, Object>> logTail = logFile == null ? Optional.empty() : lastRecord(logFile);
        if (logTail.isEmpty() && logFile != null) {
            // Rotated while the server was down (logrotate's default name for the newest old file).
            logTail = lastRecord(Path.of(logFile + ".1"));
            logTail.ifPresent(t -> fields.put("resumed_from", "rotated_file"));
        }
        Optional<Map<String, Object>> anchorTail = anchorFile == null ? Optional.empty() : lastRecord(anchorFile);
        String warning = null;
        Map<String, Object> tail = logTail.orElse(null);
        if (anchorTail.isPresent() && (tail == null || seq(anchorTail.get()) > seq(tail))) {
            if (tail != null) {
                warning = "the audit log ends at seq " + seq(tail) + " but the checkpoint file has seq "
                        + seq(anchorTail.get()) + ": the log was truncated or rotated; the chain continues after the checkpoint";
            }
            tail = anchorTail.get();
            fields.put("resumed_from", "checkpoint_file");
        }
        if (discarded > 0) {
            fields.put("discarded_bytes", discarded);
        }
        if (tail == null) {
            fields.put("status", "genesis");
            return new Start(ChainHead.GENESIS, fields, warning);
        }
        ChainHead head = new ChainHead(seq(tail), (String) tail.get("hmac"), (String) tail.get("key_id"));
        String status;
        if (!key.id().equals(head.keyId())) {
            status = "new_key";
        } else if (key.mac(Canonical.of(Canonical.without(tail, "hmac"))).equals(head.hmac())) {
            status = "resumed";
        } else {
            status = "prior_tail_invalid";
            warning = (warning == null ? "" : warning + "; ") + "the last audit record (seq " + head.seq()
                    + ") does not verify with " + key.id() + ": it was altered, or the key changed without a new "
                    + "AUDIT_HMAC_KEY_ID";
        }
        fields.put("status", status);
        fields.put("prior_seq", head.seq());
        fields.put("prior_key_id", head.keyId());
        return new Start(head, fields, warning);
    }

    /** Cuts bytes after the last newline (a record torn by a crash); returns how many. */
    private static long cutPartialLine(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long size = raf.length();
            long end = lastNewline(raf, size);
            long keep = end + 1;
            if (keep < size) {
                raf.setLength(keep);
                return size - keep;
            }
            return 0;
        }
    }

    private static Optional<Map<String, Object>> lastRecord(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            long end = lastNewline(raf, size);
            if (end < 0) {
                return Optional.empty();
            }
            long start = lastNewline(raf, end) + 1;
            if (end - start > MAX_LINE) {
                throw new IOException(file + ": last line is longer than " + MAX_LINE + " bytes");
            }
            byte[] line = new byte[(int) (end - start)];
            raf.seek(start);
            raf.readFully(line);
            Map<String, Object> record;
            try {
                record = Canonical.parse(new String(line, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": the last line is not an audit record; move the file aside");
            }
            if (!(record.get("seq") instanceof Number) || !(record.get("hmac") instanceof String h)
                    || !h.matches("[0-9a-f]{64}") || !(record.get("key_id") instanceof String)) {
                throw new IOException(file + ": the last line is not an audit record; move the file aside");
            }
            return Optional.of(record);
        }
    }

    /** Offset of the last '\n' strictly before {@code before}, or -1. */
    private static long lastNewline(RandomAccessFile raf, long before) throws IOException {
        byte[] buffer = new byte[8192];
        long position = before;
        while (position > 0) {
            int n = (int) Math.min(buffer.length, position);
            position -= n;
            raf.seek(position);
            raf.readFully(buffer, 0, n);
            for (int i = n - 1; i >= 0; i--) {
                if (buffer[i] == '\n') {
                    return position + i;
                }
            }
        }
        return -1;
    }

    private static long seq(Map<String, Object> record) {
        return ((Number) record.get("seq")).longValue();
    }
}
