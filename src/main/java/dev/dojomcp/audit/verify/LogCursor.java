package dev.dojomcp.audit.verify;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/** The log files read as one sequence of lines, with a look-ahead of one line. */
final class LogCursor implements Closeable {
    private final List<Path> files;
    private int current = -1;
    private LineReader reader;
    private Line peeked;

    LogCursor(List<Path> files) {
        this.files = files;
    }

    Path file(Line line) {
        return files.get(line.fileIndex());
    }

    Line next() throws IOException {
        Line line = peek();
        peeked = null;
        return line;
    }

    Line peek() throws IOException {
        while (peeked == null) {
            if (reader != null) {
                peeked = reader.next();
                if (peeked != null) {
                    break;
                }
                reader.close();
                reader = null;
            }
            if (current + 1 >= files.size()) {
                return null;
            }
            current++;
            reader = LineReader.open(files.get(current), current);
        }
        return peeked;
    }

    /**
     * Whether every {@code seq} from {@code from} to {@code to} appears on some line after {@code after}
     * (in this or a later log file). Reads the rest twice: once to count its lines, which bounds the
     * bitmap of the second pass.
     */
    boolean allLater(Line after, long from, long to) throws IOException {
        long missing = to - from + 1;
        long[] lines = {0};
        forEachLater(after, line -> lines[0]++);
        if (missing > lines[0] || missing > Integer.MAX_VALUE) {
            return false;
        }
        BitSet seen = new BitSet((int) missing);
        forEachLater(after, line -> {
            Long seq = LineFormat.seqOf(line);
            if (seq != null && seq >= from && seq <= to) {
                seen.set((int) (seq - from));
            }
        });
        return seen.cardinality() == missing;
    }

    private void forEachLater(Line after, Consumer<Line> action) throws IOException {
        for (int i = after.fileIndex(); i < files.size(); i++) {
            try (LineReader later = i == after.fileIndex()
                    ? LineReader.open(files.get(i), i, after.end(), after.number())
                    : LineReader.open(files.get(i), i)) {
                for (Line line = later.next(); line != null; line = later.next()) {
                    action.accept(line);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
