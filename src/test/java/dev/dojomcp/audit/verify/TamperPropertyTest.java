package dev.dojomcp.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any single changed byte, anywhere in the log or the anchor file (newlines included), is detected with the key. */
class TamperPropertyTest {
    private static final int CASES = 600;

    /** A line of one of the trail's files: its bytes run from {@code start} to {@code end}, its newline included. */
    private record Span(int file, int start, int end) {
    }

    @Test
    void randomSingleByteChanges_areNeverValid(@TempDir Path dir) throws IOException {
        AuditTrails.Trail original = AuditTrails.standard(dir.resolve("original"));
        AuditTrails.Trail copy = original.copyTo(dir.resolve("copy"));
        List<Path> originals = original.files();
        List<Path> copies = copy.files();
        List<byte[]> contents = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int f = 0; f < originals.size(); f++) {
            byte[] bytes = Files.readAllBytes(originals.get(f));
            contents.add(bytes);
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    spans.add(new Span(f, start, i + 1));
                    start = i + 1;
                }
            }
        }
        AuditVerifier verifier = new AuditVerifier(AuditTrails.BOTH_KEYS, AuditTrails.VERIFIER, false);
        Random random = new Random(20261123L);
        Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
        for (int i = 0; i < CASES; i++) {
            Span span = spans.get(random.nextInt(spans.size()));
            int position = span.start() + random.nextInt(span.end() - span.start());
            byte[] bytes = contents.get(span.file()).clone();
            int old = bytes[position] & 0xff;
            int value = random.nextInt(255);
            bytes[position] = (byte) (value >= old ? value + 1 : value);
            Files.write(copies.get(span.file()), bytes);

            VerifyResult result = verifier.verify(copies);

            assertThat(result.valid()).as("case %d: %s byte %d changed from 0x%02x to 0x%02x", i,
                    copies.get(span.file()).getFileName(), position, old, bytes[position] & 0xff).isFalse();
            reasons.merge(result.failure().reason(), 1, Integer::sum);
            Files.write(copies.get(span.file()), contents.get(span.file()));
        }
        System.out.println("single-byte changes detected, by reason: " + reasons);
        assertThat(reasons.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CASES);
    }
}
