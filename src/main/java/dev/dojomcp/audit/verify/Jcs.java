package dev.dojomcp.audit.verify;

import dev.dojomcp.audit.Canonical;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * JSON as the verifier reads it: strict UTF-8, a strict parse (no duplicate names, nothing after the
 * value, as {@link Canonical#parse}), and RFC 8785 canonical text ({@link Canonical#of}, which keeps
 * {@code null} members, so the HMAC input is exactly the line minus the left-out members).
 */
final class Jcs {

    private Jcs() {
    }

    /** The text of strictly valid UTF-8 bytes, or {@code null}. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The JSON object the text holds, or {@code null} when it is not exactly one JSON object. */
    static Map<String, Object> object(String text) {
        if (text.isBlank() || text.strip().charAt(0) != '{') {
            return null;
        }
        try {
            return Canonical.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The object in the bytes of a line (UTF-8), or {@code null}. */
    static Map<String, Object> object(byte[] line) {
        String text = utf8(line);
        return text == null ? null : object(text);
    }

    /**
     * Why a parsed value is outside what the format writes (numbers with a fraction or exponent, strings
     * with a lone surrogate, which have no UTF-8 form), or {@code null}. Such a line is bad format, as in
     * the Python verifier, rather than merely non-canonical.
     */
    static String unsupportedValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String problem = hasLoneSurrogate((String) entry.getKey()) ? "lone surrogate in a member name"
                        : unsupportedValue(entry.getValue());
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                String problem = unsupportedValue(item);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof String text) {
            return hasLoneSurrogate(text) ? "lone surrogate in a string" : null;
        } else if (value instanceof Number && !(value instanceof Integer || value instanceof Long
                || value instanceof java.math.BigInteger)) {
            return "number with a fraction or exponent";
        }
        return null;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text is byte-for-byte its own JCS serialisation. */
    static boolean isCanonical(String text) {
        try {
            return new JsonCanonicalizer(text).getEncodedString().equals(text);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The JCS text of a parsed record: the writer's own serialisation. */
    static String of(Map<String, Object> record) {
        return Canonical.of(record);
    }
}
