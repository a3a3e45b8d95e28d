package dev.dojomcp.audit.verify;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file line by line as bytes, streaming, from a given offset. */
final class LineReader implements Closeable {
    static final int MAX_LINE = 16 * 1024 * 1024;

    private final InputStream in;
    private final int fileIndex;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long offset;
    private long number;

    private LineReader(InputStream in, int fileIndex, long offset, long number) {
        this.in = in;
        this.fileIndex = fileIndex;
        this.offset = offset;
        this.number = number;
    }

    static LineReader open(Path file, int fileIndex) throws IOException {
        return open(file, fileIndex, 0, 0);
    }

    /** A reader starting at {@code offset}, which follows line {@code linesBefore}. */
    static LineReader open(Path file, int fileIndex, long offset, long linesBefore) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file);
        try {
            channel.position(offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new LineReader(Channels.newInputStream(channel), fileIndex, offset, linesBefore);
    }

    /** The next line, or {@code null} at the end of the file. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                return finish(line, false, tooLong);
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int n = position - start;
            offset += n;
            if (!tooLong) {
                if (line.size() + n > MAX_LINE) {
                    tooLong = true;
                    line = new ByteArrayOutputStream(0);
                } else {
                    line.write(buffer, start, n);
                }
            }
            if (position < limit) {
                position++;
                offset++;
                return finish(line, true, tooLong);
            }
        }
    }

    private Line finish(ByteArrayOutputStream line, boolean terminated, boolean tooLong) {
        number++;
        return new Line(fileIndex, number, offset, line.toByteArray(), terminated, tooLong);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
