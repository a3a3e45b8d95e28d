package dev.dojomcp.audit.verify;

import dev.dojomcp.audit.HmacKey;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The verifier's HMAC key file: one {@code <key_id>=<key>} a line (split at the first {@code =}), blank
 * lines and lines starting with {@code #} ignored. Errors name the file and line, never the key.
 */
public final class KeyFile {
    /** A key file that cannot be used; the message is safe to print. */
    public static final class KeyFileException extends Exception {
        KeyFileException(String message) {
            super(message);
        }
    }

    private KeyFile() {
    }

    /** Adds the keys of {@code file} to {@code keys}; a file without a key, or the same id with another key, is an error. */
    public static void read(Path file, Map<String, HmacKey> keys) throws KeyFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new KeyFileException(file + ": not UTF-8");
        } catch (IOException e) {
            throw new KeyFileException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        int number = 0;
        int found = 0;
        for (String raw : lines) {
            number++;
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + number + ": ";
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new KeyFileException(where + "not <key_id>=<key>");
            }
            String id = line.substring(0, eq);
            if (!HmacKey.ID.matcher(id).matches()) {
                throw new KeyFileException(where + "the key id must be 1-64 of A-Z a-z 0-9 . _ -");
            }
            HmacKey key;
            try {
                key = HmacKey.of(id, line.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new KeyFileException(where + "the key must be at least " + HmacKey.MIN_LENGTH
                        + " printable ASCII characters without spaces");
            }
            HmacKey known = keys.putIfAbsent(id, key);
            if (known != null && !known.secret().reveal().equals(key.secret().reveal())) {
                throw new KeyFileException(where + "key id " + id + " is given twice with different keys");
            }
            found++;
        }
        if (found == 0) {
            throw new KeyFileException(file + ": holds no key");
        }
    }
}
