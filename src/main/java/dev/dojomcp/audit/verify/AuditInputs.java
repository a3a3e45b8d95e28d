package dev.dojomcp.audit.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The files given, sorted out: a file whose lines are all checkpoint records (at least one) is an anchor
 * file, any other a log file. Both kinds are ordered by the {@code seq} of their first line, then by the
 * order given; a file whose first line shows no {@code seq} (empty, unreadable as JSON) comes first, so
 * its problem is the one reported.
 */
record AuditInputs(List<Path> logs, List<Path> anchors) {
    private record Classified(Path path, int index, Long firstSeq, boolean anchor) {
    }

    private static final Comparator<Classified> ORDER = Comparator
            .comparing((Classified c) -> c.firstSeq() == null ? Long.MIN_VALUE : c.firstSeq())
            .thenComparingInt(Classified::index);

    static AuditInputs of(List<Path> files) throws IOException {
        List<Classified> logs = new ArrayList<>();
        List<Classified> anchors = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Classified c = classify(files.get(i), i);
            (c.anchor() ? anchors : logs).add(c);
        }
        logs.sort(ORDER);
        anchors.sort(ORDER);
        return new AuditInputs(logs.stream().map(Classified::path).toList(),
                anchors.stream().map(Classified::path).toList());
    }

    private static Classified classify(Path file, int index) throws IOException {
        try (LineReader reader = LineReader.open(file, index)) {
            Line first = reader.next();
            if (first == null) {
                return new Classified(file, index, null, false);
            }
            Long firstSeq = LineFormat.seqOf(first);
            for (Line line = first; line != null; line = reader.next()) {
                if (!isCheckpoint(line)) {
                    return new Classified(file, index, firstSeq, false);
                }
            }
            return new Classified(file, index, firstSeq, true);
        }
    }

    private static boolean isCheckpoint(Line line) {
        if (line.tooLong()) {
            return false;
        }
        Map<String, Object> fields = Jcs.object(line.bytes());
        return fields != null && "checkpoint".equals(fields.get("type"));
    }
}
