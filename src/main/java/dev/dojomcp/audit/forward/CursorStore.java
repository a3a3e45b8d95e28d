package dev.dojomcp.audit.forward;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sink's cursor, {@code <AUDIT_LOG_FILE>.<sink>.cursor}: {@code {"v":1,"seq":…,"file":"…","offset":…}}, the last
 * delivered record and where it ends. Written to a temporary file, forced to disk and renamed over the old one, so
 * a crash leaves the old cursor or the new one. A stale cursor only means records are sent again.
 */
final class CursorStore {
    private static final Logger LOG = LoggerFactory.getLogger(CursorStore.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path path;
    private final Path temp;

    CursorStore(Path auditFile, String sink) {
        this.path = auditFile.resolveSibling(auditFile.getFileName() + "." + sink + ".cursor");
        this.temp = auditFile.resolveSibling(auditFile.getFileName() + "." + sink + ".cursor.tmp");
    }

    static Path pathFor(Path auditFile, String sink) {
        return new CursorStore(auditFile, sink).path;
    }

    Path path() {
        return path;
    }

    /** The stored position, {@link Position#START} when there is none or it cannot be read (all is sent again). */
    Position load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Position.START;
        } catch (IOException e) {
            LOG.warn("audit forwarding: cursor {} cannot be read ({}); forwarding from the oldest record on disk",
                    path.getFileName(), e.getClass().getSimpleName());
            return Position.START;
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            JsonNode seq = n.get("seq");
            JsonNode file = n.get("file");
            JsonNode offset = n.get("offset");
            if (seq == null || !seq.isIntegralNumber() || offset == null || !offset.isIntegralNumber()) {
                throw new IllegalArgumentException("fields");
            }
            return new Position(seq.longValue(), file == null || !file.isString() ? null : file.stringValue(),
                    offset.longValue());
        } catch (RuntimeException e) {
            LOG.warn("audit forwarding: cursor {} is damaged; forwarding from the oldest record on disk",
                    path.getFileName());
            return Position.START;
        }
    }

    void save(Position p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", 1);
        m.put("seq", p.seq());
        m.put("file", p.fileKey());
        m.put("offset", p.offset());
        byte[] bytes = (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
