package dev.dojomcp.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * An append-only audit file that survives logrotate: before each append it checks that the path still
 * names the file it has open (logrotate renames it away, or deletes it) and reopens the path if not,
 * so the chain simply continues in the new file. A failed append is cut back to the last whole line,
 * so a full disk leaves no half record for the next one to follow.
 */
final class AuditFile implements AuditSink {
    private final Path path;
    private FileChannel channel;
    private Object fileKey;

    AuditFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    @Override
    public synchronized void append(String line, boolean sync) throws IOException {
        FileChannel out = current();
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        long before = out.size();
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            if (sync) {
                out.force(false);
            }
        } catch (IOException e) {
            try {
                out.truncate(before);
            } catch (IOException ignored) {
                // the next successful open finds the torn line and ChainResume cuts it at start-up
            }
            closeChannel();
            throw e;
        }
    }

    private FileChannel current() throws IOException {
        if (channel != null && channel.isOpen() && Objects.equals(fileKey, keyOf(path))) {
            return channel;
        }
        closeChannel();
        boolean created = !Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (created && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
        fileKey = keyOf(path);
        return channel;
    }

    private static Object keyOf(Path path) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new IOException("not a regular file");
            }
            return attributes.fileKey() != null ? attributes.fileKey() : path.toRealPath();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to keep
            }
            channel = null;
            fileKey = null;
        }
    }

    @Override
    public synchronized void close() {
        closeChannel();
    }
}
