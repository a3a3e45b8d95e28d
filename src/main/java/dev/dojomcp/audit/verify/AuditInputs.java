package dev.dojomcp.audit.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Check 1 on every line of every file, in the order the files were given, then the files sorted out: a
 * file whose records are all checkpoints is an anchor file (kept in the order given), any other file with
 * records a log file; log files are ordered by the {@code seq} of their first record, ties in the order
 * given. Empty files take no part.
 */
record AuditInputs(List<Path> logs, List<Path> anchors, Failure failure) {
    private record LogFile(Path path, int index, long firstSeq) {
    }

    static AuditInputs read(List<Path> files) throws IOException {
        List<LogFile> logs = new ArrayList<>();
        List<Path> anchors = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Long firstSeq = null;
            boolean allCheckpoints = true;
            try (LineReader reader = LineReader.open(file, i)) {
                for (Line line = reader.next(); line != null; line = reader.next()) {
                    LineFormat.Checked checked = LineFormat.check(line);
                    if (!checked.ok()) {
                        return new AuditInputs(List.of(), List.of(), new Failure(file, line.number(), checked.seq(),
                                checked.reason(), checked.detail()));
                    }
                    if (firstSeq == null) {
                        firstSeq = checked.record().seq();
                    }
                    allCheckpoints &= checked.record().isCheckpoint();
                }
            }
            if (firstSeq != null && allCheckpoints) {
                anchors.add(file);
            } else if (firstSeq != null) {
                logs.add(new LogFile(file, i, firstSeq));
            }
        }
        logs.sort(Comparator.comparingLong(LogFile::firstSeq).thenComparingInt(LogFile::index));
        return new AuditInputs(logs.stream().map(LogFile::path).toList(), anchors, null);
    }
}
