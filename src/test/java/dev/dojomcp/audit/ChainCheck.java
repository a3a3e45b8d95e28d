package dev.dojomcp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A minimal in-test chain check (canonical lines, seq, prev, hmac), independent of the verifier. */
final class ChainCheck {
    private ChainCheck() {
    }

    static List<Map<String, Object>> assertIntact(Path file, HmacKey... keys) throws IOException {
        return assertIntact(List.of(file), keys);
    }

    static List<Map<String, Object>> assertIntact(List<Path> files, HmacKey... keys) throws IOException {
        Map<String, HmacKey> byId = new HashMap<>();
        for (HmacKey k : keys) {
            byId.put(k.id(), k);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        String prev = ChainHead.ZERO_HMAC;
        long seq = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).endsWith("\n");
            for (String line : text.split("\n")) {
                Map<String, Object> record = Canonical.parse(line);
                assertThat(Canonical.of(record)).as("canonical").isEqualTo(line);
                assertThat(((Number) record.get("seq")).longValue()).as("seq").isEqualTo(seq + 1);
                assertThat(record.get("prev")).as("prev of seq %d", seq + 1).isEqualTo(prev);
                HmacKey key = byId.get((String) record.get("key_id"));
                assertThat(key).as("key " + record.get("key_id")).isNotNull();
                assertThat(key.mac(Canonical.of(Canonical.without(record, "hmac")))).as("hmac of seq %d", seq + 1)
                        .isEqualTo(record.get("hmac"));
                seq++;
                prev = (String) record.get("hmac");
                records.add(record);
            }
        }
        return records;
    }
}
