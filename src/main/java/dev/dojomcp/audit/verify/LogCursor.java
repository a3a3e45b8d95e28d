package dev.dojomcp.audit.verify;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongPredicate;

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

    /** Whether a line after {@code after} (in this or a later log file) shows a {@code seq} that matches. */
    boolean anyLater(Line after, LongPredicate seq) throws IOException {
        for (int i = after.fileIndex(); i < files.size(); i++) {
            try (LineReader later = i == after.fileIndex()
                    ? LineReader.open(files.get(i), i, after.end(), after.number())
                    : LineReader.open(files.get(i), i)) {
                for (Line line = later.next(); line != null; line = later.next()) {
                    Long s = LineFormat.seqOf(line);
                    if (s != null && seq.test(s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
