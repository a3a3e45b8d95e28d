package dev.dojomcp.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** RFC 8785 (JCS) serialisation of audit records, and the strict parse the verifier needs. */
public final class Canonical {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Canonical() {
    }

    /** The canonical JSON text of a record (no trailing newline). */
    public static String of(Map<String, ?> record) {
        try {
            // A plain mapper: null members are written (the shared one leaves them out), as the format says.
            return new JsonCanonicalizer(STRICT.writeValueAsString(record)).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one line as a JSON object; duplicate member names and anything after the object are refused. */
    public static Map<String, Object> parse(String line) {
        try {
            Map<String, Object> map = STRICT.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { });
            if (map == null) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return map;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON object", e);
        }
    }

    /** The record with some members left out (the HMAC and signature inputs). */
    public static Map<String, Object> without(Map<String, Object> record, String... names) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        for (String name : names) {
            copy.remove(name);
        }
        return copy;
    }
}
