package dev.dojomcp.audit.forward;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit trail record by record, in {@code seq} order, across logrotate renames.
 *
 * <ul>
 *   <li>Only complete lines (ending in {@code \n}) are returned; a partial last line is read again on the next call
 *       (the writer may still finish it, or cut it and write another record in its place).</li>
 *   <li>The live file ({@code AUDIT_LOG_FILE}) is followed by identity ({@code fileKey}, e.g. device and inode): when
 *       the path names another file, the open one was renamed. It is read to its end, and left for the next file
 *       once that one has a complete line (the writer writes one file at a time, so it is then done with the old
 *       one).</li>
 *   <li>{@link #seek} goes back to a {@link Position} (a restart's cursor, a syslog rewind): the file with that
 *       identity, wherever it is now (the live file, or a sibling {@code <name>.N} / {@code <name>-*}), checked by
 *       the seq of the line ending at that offset. Otherwise the records are looked up by seq in every uncompressed
 *       sibling; records with seq at or below the position are skipped, missing ones are reported as a gap.</li>
 * </ul>
 * Not thread-safe: one tail per sink thread.
 */
final class AuditTail implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTail.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer lines are skipped (audit records are a few kB; a longer "line" is damage). */
    static final int MAX_LINE = 4 * 1024 * 1024;
    private static final Pattern NUMBERED = Pattern.compile("\\.[0-9]{1,6}");
    private static final List<String> SKIPPED_SUFFIXES = List.of(".gz", ".bz2", ".xz", ".zst", ".z", ".lz4", ".lzma",
            ".br", ".zip", ".cursor", ".tmp", "checkpoints");

    /** Told about records that are needed but in no readable file. */
    interface GapListener {
        void gap(long fromSeq, long toSeq);
    }

    private final Path file;
    private final GapListener gaps;

    private FileChannel channel;
    private String channelKey;
    /** seq of the first record of the open file; -1 when unknown (no complete line yet). */
    private long channelFirstSeq = -1;
    /** Byte offset in the open file just after the last complete line consumed. */
    private long offset;
    /** seq of the last record returned (or of the position sought); -1 before any. */
    private long lastSeq = -1;

    /** Bytes of the open file from {@link #offset} on, read but not consumed: {@code data[pos, len)}. */
    private byte[] data = new byte[64 * 1024];
    private int pos;
    private int len;

    AuditTail(Path file, GapListener gaps) {
        this.file = file.toAbsolutePath();
        this.gaps = gaps;
    }

    /** The position after the last record returned. */
    Position position() {
        return new Position(lastSeq, channelKey, offset);
    }

    /**
     * Continue after {@code p}: the next record returned is the one with the smallest seq greater than
     * {@code p.seq()} (reported as a gap if that is not {@code p.seq() + 1}).
     */
    void seek(Position p) throws IOException {
        closeChannel();
        lastSeq = p.seq();
        if (p.fileKey() != null && !p.isStart()) {
            for (Path candidate : candidates()) {
                String key = identity(candidate);
                if (p.fileKey().equals(key) && openAt(candidate, key, p)) {
                    return;
                }
            }
            LOG.info("audit forwarding: {} no longer holds the position after seq {}; looking the records up by seq",
                    file.getFileName(), p.seq());
        }
        // Opened lazily by next(): by seq, among the files present then.
    }

    /** The next record, or {@code null} when there is none yet. */
    AuditRecord next() throws IOException {
        int switches = 0;
        while (true) {
            if (channel == null && !openBySeq()) {
                return null;
            }
            byte[] line = readLine();
            if (line != null) {
                AuditRecord r = parse(line);
                if (r == null) {
                    continue;
                }
                if (channelFirstSeq < 0 && offset - line.length - 1 == 0) {
                    channelFirstSeq = r.seq();
                }
                if (lastSeq >= 0 && r.seq() <= lastSeq) {
                    continue; // delivered before (a rewind, an overlapping copy)
                }
                if (lastSeq >= 0 && r.seq() > lastSeq + 1) {
                    gaps.gap(lastSeq + 1, r.seq() - 1);
                }
                lastSeq = r.seq();
                return r;
            }
            if (!advance() || ++switches > 1000) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        closeChannel();
    }

    // ---- files -----------------------------------------------------------------------------------------------

    /** At the end of the open file: true when reading should go on (in another file, or this one after a check). */
    private boolean advance() throws IOException {
        String liveKey = identity(file);
        if (liveKey != null && liveKey.equals(channelKey)) {
            long size = channel.size();
            if (size < offset) {
                LOG.warn("audit forwarding: {} was truncated below the forwarded position (copytruncate?); looking "
                        + "the records after seq {} up by seq", file.getFileName(), lastSeq);
                closeChannel();
                return true;
            }
            return false;
        }
        // The open file is not (or no longer) the live one: renamed by logrotate, or an older file being caught up.
        Candidate next = nextAfter(channelFirstSeq >= 0 ? channelFirstSeq : lastSeq);
        if (next == null) {
            return false;
        }
        if (channel.size() > offset) {
            if (hasCompleteLine()) {
                return true; // written just before the writer moved on: read it first
            }
            LOG.warn("audit forwarding: {} ends in an incomplete line ({} bytes) and the trail goes on in another "
                    + "file; the incomplete line is not forwarded", channelKey, channel.size() - offset);
        }
        LOG.debug("audit forwarding: {} is no longer the live file; continuing in {} (first seq {})", channelKey,
                next.path.getFileName(), next.firstSeq);
        closeChannel();
        // When it was renamed meanwhile, next() looks the file up by seq instead.
        open(next.path, next.key, 0, next.firstSeq);
        return true;
    }

    /** Opens the file holding the record after {@link #lastSeq}, or the oldest file when there is no position. */
    private boolean openBySeq() throws IOException {
        for (int attempt = 0; attempt < 5; attempt++) {
            Boolean opened = openBySeqOnce();
            if (opened != null) {
                return opened;
            }
        }
        return false;
    }

    /** True: opened; false: no file holds a record; null: the chosen file was renamed meanwhile. */
    private Boolean openBySeqOnce() throws IOException {
        List<Candidate> all = scan();
        Candidate best = null;
        long target = lastSeq + 1;
        for (Candidate c : all) {
            if (lastSeq >= 0 && c.firstSeq <= target && (best == null || c.firstSeq > best.firstSeq)) {
                best = c;
            }
        }
        if (best == null) {
            for (Candidate c : all) {
                if (best == null || c.firstSeq < best.firstSeq) {
                    best = c;
                }
            }
        }
        if (best == null) {
            return false;
        }
        LOG.debug("audit forwarding: reading {} (first seq {}) for the records after seq {}", best.path.getFileName(),
                best.firstSeq, lastSeq);
        return open(best.path, best.key, 0, best.firstSeq) ? Boolean.TRUE : null;
    }

    /** The file that follows one starting at {@code firstSeq}: the smallest first seq above it. */
    private Candidate nextAfter(long firstSeq) throws IOException {
        Candidate best = null;
        for (Candidate c : scan()) {
            if (c.firstSeq > firstSeq && !c.key.equals(channelKey) && (best == null || c.firstSeq < best.firstSeq)) {
                best = c;
            }
        }
        return best;
    }

    private record Candidate(Path path, String key, long firstSeq) {
    }

    /**
     * Every candidate file with a complete, valid first record. A directory listing taken while logrotate renames
     * files may miss one (POSIX leaves it open), so the listing is repeated until two in a row agree.
     */
    private List<Candidate> scan() throws IOException {
        List<Candidate> previous = scanOnce();
        for (int i = 0; i < 10; i++) {
            List<Candidate> current = scanOnce();
            if (new java.util.HashSet<>(current).equals(new java.util.HashSet<>(previous))) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    private List<Candidate> scanOnce() throws IOException {
        List<Candidate> out = new ArrayList<>();
        for (Path p : candidates()) {
            String key = identity(p);
            if (key == null) {
                continue;
            }
            long first = firstSeq(p);
            if (first >= 0) {
                out.add(new Candidate(p, key, first));
            }
        }
        return out;
    }

    /** The live file and its uncompressed rotated siblings: {@code <name>.N} and {@code <name>-*}. */
    private List<Path> candidates() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(file);
        Path dir = file.getParent();
        String name = file.getFileName().toString();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> {
                String n = p.getFileName().toString();
                if (!n.startsWith(name) || n.length() == name.length()) {
                    return false;
                }
                String rest = n.substring(name.length());
                String lower = rest.toLowerCase(Locale.ROOT);
                if (SKIPPED_SUFFIXES.stream().anyMatch(lower::endsWith)) {
                    return false;
                }
                return NUMBERED.matcher(rest).matches() || rest.startsWith("-");
            }).sorted().forEach(out::add);
        } catch (NoSuchFileException e) {
            return out;
        }
        return out;
    }

    /** The file's identity, {@code null} when it does not exist (or is not a regular file). */
    static String identity(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return null;
            }
            Object key = a.fileKey();
            // Without file keys (some file systems), the creation time tells files apart well enough.
            return key != null ? key.toString() : "ctime:" + a.creationTime().toMillis();
        } catch (IOException e) {
            return null;
        }
    }

    /** seq of the file's first line, -1 when it has no complete valid first line. */
    private long firstSeq(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(8192);
            byte[] acc = new byte[0];
            long at = 0;
            while (acc.length < MAX_LINE) {
                b.clear();
                int n = ch.read(b, at);
                if (n <= 0) {
                    return -1;
                }
                at += n;
                int from = acc.length;
                acc = Arrays.copyOf(acc, acc.length + n);
                System.arraycopy(b.array(), 0, acc, from, n);
                for (int i = from; i < acc.length; i++) {
                    if (acc[i] == '\n') {
                        AuditRecord r = parseQuietly(Arrays.copyOf(acc, i));
                        return r == null ? -1 : r.seq();
                    }
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Opens {@code p} at {@code at.offset()} if the line ending there is the record {@code at.seq()}. */
    private boolean openAt(Path p, String key, Position at) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(p, StandardOpenOption.READ);
        } catch (IOException e) {
            return false;
        }
        boolean ok = false;
        try {
            if (!key.equals(identity(p)) || ch.size() < at.offset() || !endsWithRecord(ch, at.offset(), at.seq())) {
                return false;
            }
            channel = ch;
            channelKey = key;
            channelFirstSeq = firstSeq(p);
            offset = at.offset();
            pos = 0;
            len = 0;
            ok = true;
            return true;
        } finally {
            if (!ok) {
                ch.close();
            }
        }
    }

    /** The line that ends just before {@code end} (with its {@code \n}) is the record {@code seq}. */
    private static boolean endsWithRecord(FileChannel ch, long end, long seq) throws IOException {
        if (end == 0) {
            return false;
        }
        int window = (int) Math.min(end, 256 * 1024);
        ByteBuffer b = ByteBuffer.allocate(window);
        long from = end - window;
        while (b.hasRemaining()) {
            if (ch.read(b, from + b.position()) <= 0) {
                return false;
            }
        }
        byte[] bytes = b.array();
        if (bytes[window - 1] != '\n') {
            return false;
        }
        int start = window - 2;
        while (start >= 0 && bytes[start] != '\n') {
            start--;
        }
        if (start < 0 && from > 0) {
            return false; // longer than the window: cannot check
        }
        AuditRecord r = parseQuietly(Arrays.copyOfRange(bytes, start + 1, window - 1));
        return r != null && r.seq() == seq;
    }

    /**
     * Opens {@code p} if it is still the file {@code key} (a rename between the scan and the open would otherwise
     * make us read another file under the scanned file's identity).
     */
    private boolean open(Path p, String key, long at, long firstSeq) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(p, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!key.equals(identity(p))) {
            ch.close();
            return false;
        }
        channel = ch;
        channelKey = key;
        channelFirstSeq = firstSeq;
        offset = at;
        pos = 0;
        len = 0;
        return true;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only channel: nothing to lose
            }
        }
        channel = null;
        channelKey = null;
        channelFirstSeq = -1;
        offset = 0;
        pos = 0;
        len = 0;
    }

    // ---- lines -----------------------------------------------------------------------------------------------

    /** The next complete line of the open file (without {@code \n}), or {@code null} at its end. */
    private byte[] readLine() throws IOException {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i < len; i++) {
                if (data[i] == '\n') {
                    byte[] line = Arrays.copyOfRange(data, pos, i);
                    offset += i + 1 - pos;
                    pos = i + 1;
                    return line;
                }
            }
            scanFrom = len;
            if (pos > 0) {
                System.arraycopy(data, pos, data, 0, len - pos);
                len -= pos;
                scanFrom -= pos;
                pos = 0;
            }
            if (len >= MAX_LINE) {
                skipLongLine();
                scanFrom = 0;
                continue;
            }
            if (len == data.length) {
                data = Arrays.copyOf(data, Math.min(MAX_LINE + 1, data.length * 2));
            }
            int n = channel.read(ByteBuffer.wrap(data, len, data.length - len), offset + len);
            if (n <= 0) {
                // At the end: forget the partial line, read it again next time (it may be cut and rewritten).
                pos = 0;
                len = 0;
                return null;
            }
            len += n;
        }
    }

    private boolean hasCompleteLine() throws IOException {
        long size = channel.size();
        ByteBuffer b = ByteBuffer.allocate(8192);
        for (long at = offset; at < size; ) {
            b.clear();
            int n = channel.read(b, at);
            if (n <= 0) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    return true;
                }
            }
            at += n;
        }
        return false;
    }

    /** Skips a line longer than {@link #MAX_LINE} (up to its {@code \n}, or to the current end of the file). */
    private void skipLongLine() throws IOException {
        LOG.warn("audit forwarding: a line longer than {} bytes at offset {} of {} is not an audit record; skipped",
                MAX_LINE, offset, file.getFileName());
        long at = offset;
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        while (true) {
            b.clear();
            int n = channel.read(b, at);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    offset = at + i + 1;
                    pos = 0;
                    len = 0;
                    return;
                }
            }
            at += n;
        }
        offset = at;
        pos = 0;
        len = 0;
    }

    private AuditRecord parse(byte[] line) {
        AuditRecord r = parseQuietly(line);
        if (r == null) {
            LOG.warn("audit forwarding: the line ending at offset {} of {} is not an audit record (JSON object with an "
                    + "integer seq and a string type); not forwarded", offset, file.getFileName());
            return null;
        }
        return new AuditRecord(r.seq(), r.type(), r.outcome(), r.time(), line, new Position(r.seq(), channelKey,
                offset));
    }

    private static AuditRecord parseQuietly(byte[] line) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject()) {
                return null;
            }
            JsonNode seq = n.get("seq");
            JsonNode type = n.get("type");
            if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 1
                    || type == null || !type.isString()) {
                return null;
            }
            JsonNode outcome = n.get("outcome");
            JsonNode time = n.get("time");
            return new AuditRecord(seq.longValue(), type.stringValue(),
                    outcome != null && outcome.isString() ? outcome.stringValue() : null,
                    time != null && time.isString() ? time.stringValue() : null, line, null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
