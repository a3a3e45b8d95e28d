package dev.dojomcp.audit.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTailTest {
    @TempDir
    Path dir;

    private final List<long[]> gaps = new ArrayList<>();

    private AuditTail tail(Path file) {
        return new AuditTail(file, (from, to) -> gaps.add(new long[] {from, to}));
    }

    private static List<Long> drain(AuditTail tail) throws IOException {
        List<Long> out = new ArrayList<>();
        for (AuditRecord r; (r = tail.next()) != null; ) {
            out.add(r.seq());
        }
        return out;
    }

    @Test
    void onlyCompleteLines_areReturned_aPartialLineWaits() throws IOException {
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        trail.append(2);
        String third = TestTrail.line(3, "security", "\"event\":\"auth_failure\"");
        trail.write(third.substring(0, 20));
        try (AuditTail tail = tail(trail.file)) {
            assertThat(drain(tail)).containsExactly(1L, 2L);
            assertThat(tail.next()).isNull();
            trail.write(third.substring(20) + "\n");
            AuditRecord r = tail.next();
            assertThat(r.seq()).isEqualTo(3);
            assertThat(r.type()).isEqualTo("security");
            assertThat(r.text()).isEqualTo(third);
            assertThat(r.after().offset()).isEqualTo(Files.size(trail.file));
        }
    }

    @Test
    void aPartialLineCutAndRewritten_byARestartedWriter_isNotMixedIntoTheNextRecord() throws IOException {
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        trail.append(1);
        try (AuditTail tail = tail(trail.file)) {
            assertThat(drain(tail)).containsExactly(1L);
            long size = Files.size(trail.file);
            trail.write("{\"seq\":2,\"ty");
            assertThat(tail.next()).isNull();
            try (FileChannel ch = FileChannel.open(trail.file, StandardOpenOption.WRITE)) {
                ch.truncate(size); // the writer's restart cuts the incomplete line ...
            }
            trail.append(1); // ... and writes seq 2 again
            assertThat(drain(tail)).containsExactly(2L);
        }
    }

    @Test
    void renameRotation_finishesTheOldFile_beforeTheNewOne() throws IOException {
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        trail.append(3);
        try (AuditTail tail = tail(trail.file)) {
            assertThat(drain(tail)).containsExactly(1L, 2L, 3L);
            // The writer still has the old file open after logrotate's rename and writes one more record to it.
            try (FileChannel old = FileChannel.open(trail.file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                trail.rotate();
                assertThat(tail.next()).isNull();
                old.write(java.nio.ByteBuffer.wrap((TestTrail.line(4, "tool_call", "") + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(drain(tail)).containsExactly(4L);
            // Then it notices and creates the new file (TestTrail continues at seq 4: skip that one).
            trail.append(1);
            trail.append(2);
            assertThat(drain(tail)).containsExactly(5L, 6L);
            trail.rotate();
            trail.append(1);
            assertThat(drain(tail)).containsExactly(7L);
            assertThat(gaps).isEmpty();
        }
    }

    @Test
    void seek_findsTheRenamedFileByIdentity() throws IOException {
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        trail.append(5);
        Position after2;
        try (AuditTail tail = tail(trail.file)) {
            tail.next();
            tail.next();
            after2 = tail.position();
        }
        trail.rotate();
        trail.append(3);
        try (AuditTail tail = tail(trail.file)) {
            tail.seek(after2);
            assertThat(drain(tail)).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void seek_withAnUnknownFile_looksTheRecordsUpBySeq_inSiblings() throws IOException {
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        trail.append(4);
        trail.rotate();
        trail.append(4);
        trail.rotate();
        trail.append(4);
        // Files: .2 = 1-4, .1 = 5-8, live = 9-12; plus files that are not part of the trail.
        Files.writeString(dir.resolve("audit.jsonl.syslog.cursor"), "{\"seq\":1}\n");
        Files.writeString(dir.resolve("audit.jsonl.checkpoints"), TestTrail.line(6, "checkpoint", "") + "\n");
        try (AuditTail tail = tail(trail.file)) {
            tail.seek(new Position(6, "(dev=0,ino=0)", 999));
            assertThat(drain(tail)).containsExactly(7L, 8L, 9L, 10L, 11L, 12L);
        }
        try (AuditTail tail = tail(trail.file)) {
            tail.seek(Position.START);
            assertThat(drain(tail)).hasSize(12).isSorted();
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void compressedOrDeletedRecords_areReportedAsAGap() throws IOException {
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        trail.append(4);
        trail.rotate();
        trail.append(4);
        trail.rotate();
        trail.append(4);
        Files.move(trail.rotated(1), dir.resolve("audit.jsonl.1.gz")); // compressed: not readable for us
        try (AuditTail tail = tail(trail.file)) {
            tail.seek(new Position(2, "gone", 100));
            assertThat(drain(tail)).containsExactly(3L, 4L, 9L, 10L, 11L, 12L);
        }
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0)).containsExactly(5L, 8L);
    }

    @Test
    void linesThatAreNotAuditRecords_areSkipped() throws IOException {
        TestTrail trail = new TestTrail(dir.resolve("audit.jsonl"));
        trail.append(1);
        trail.write("not json\n{\"seq\":\"2\",\"type\":\"x\"}\n[]\n");
        trail.append(1);
        try (AuditTail tail = tail(trail.file)) {
            assertThat(drain(tail)).containsExactly(1L, 2L);
        }
    }
}
