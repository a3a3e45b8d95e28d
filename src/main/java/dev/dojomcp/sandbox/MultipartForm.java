package dev.dojomcp.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A parsed multipart/form-data body: text fields (repeatable) and at most one file per field name. */
final class MultipartForm {
    record FilePart(String filename, byte[] content) {
    }

    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final Map<String, FilePart> files = new LinkedHashMap<>();

    /** Null when the content type is not multipart/form-data (the caller answers 415). */
    static MultipartForm parse(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        String boundary = parameter(contentType, "boundary");
        MultipartForm form = new MultipartForm();
        if (boundary == null || body == null) {
            return form;
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, delimiter, 0);
        while (position >= 0) {
            int partStart = position + delimiter.length;
            if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
                break; // closing delimiter
            }
            partStart = skipLineBreak(body, partStart);
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) {
                break;
            }
            int partEnd = next;
            if (partEnd >= 2 && body[partEnd - 2] == '\r' && body[partEnd - 1] == '\n') {
                partEnd -= 2;
            } else if (partEnd >= 1 && body[partEnd - 1] == '\n') {
                partEnd -= 1;
            }
            form.addPart(Arrays.copyOfRange(body, partStart, Math.max(partStart, partEnd)));
            position = next;
        }
        return form;
    }

    private void addPart(byte[] part) {
        int headerEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        int separator = 4;
        if (headerEnd < 0) {
            headerEnd = indexOf(part, "\n\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            separator = 2;
        }
        if (headerEnd < 0) {
            return;
        }
        String headers = new String(part, 0, headerEnd, StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOfRange(part, headerEnd + separator, part.length);
        String name = null;
        String filename = null;
        for (String line : headers.split("\r?\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                name = parameter(line, "name");
                filename = parameter(line, "filename");
            }
        }
        if (name == null) {
            return;
        }
        if (filename != null) {
            files.put(name, new FilePart(filename, content));
        } else {
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(new String(content, StandardCharsets.UTF_8));
        }
    }

    String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    Map<String, List<String>> fields() {
        return fields;
    }

    FilePart file(String name) {
        return files.get(name);
    }

    private static String parameter(String header, String name) {
        for (String piece : header.split(";")) {
            String p = piece.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String value = p.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    private static int skipLineBreak(byte[] data, int at) {
        if (at < data.length && data[at] == '\r') {
            at++;
        }
        if (at < data.length && data[at] == '\n') {
            at++;
        }
        return at;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
