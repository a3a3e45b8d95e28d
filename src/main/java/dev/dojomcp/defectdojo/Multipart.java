package dev.dojomcp.defectdojo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body for DefectDojo's import endpoints, which accept nothing else (a JSON
 * body gets 415). Field names are ours; a file name is reduced to a safe character set so it cannot
 * break the part headers, and the random boundary is checked against the content.
 */
public final class Multipart {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern UNSAFE_NAME = Pattern.compile("[^A-Za-z0-9._-]");

    private record Part(String name, String fileName, String contentType, byte[] content) {
    }

    private final List<Part> parts = new ArrayList<>();

    public Multipart field(String name, Object value) {
        if (value != null) {
            parts.add(new Part(name, null, null, String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    /** A repeated field (e.g. {@code tags}). */
    public Multipart fields(String name, List<String> values) {
        if (values != null) {
            values.forEach(v -> field(name, v));
        }
        return this;
    }

    public Multipart file(String name, String fileName, byte[] content) {
        String safe = UNSAFE_NAME.matcher(fileName).replaceAll("_");
        parts.add(new Part(name, safe, "application/octet-stream", content));
        return this;
    }

    /** The encoded body and its content type (with the boundary). */
    public Encoded encode() {
        while (true) {
            byte[] b = new byte[16];
            RANDOM.nextBytes(b);
            String boundary = "dojo-mcp-" + HexFormat.of().formatHex(b);
            if (parts.stream().noneMatch(p -> contains(p.content(), boundary))) {
                return new Encoded("multipart/form-data; boundary=" + boundary, bytes(boundary));
            }
        }
    }

    public record Encoded(String contentType, byte[] body) {
    }

    private byte[] bytes(String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
            if (p.fileName() != null) {
                head.append("; filename=\"").append(p.fileName()).append('"');
            }
            head.append("\r\n");
            if (p.contentType() != null) {
                head.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static boolean contains(byte[] content, String boundary) {
        byte[] needle = boundary.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= content.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
