package dev.dojomcp.sandbox;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** multipart/form-data posts to the sandbox's import endpoints, as DefectDojo clients send them. */
final class MultipartUpload {
    static final String BOUNDARY = "----sandbox-test-boundary";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MultipartUpload() {
    }

    /** Text fields plus, unless {@code report} is null, a {@code file} part with the given name. */
    static HttpResponse<String> post(SandboxServer server, String path, Map<String, String> fields, String filename,
                                     byte[] report) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n");
        }
        if (report != null) {
            write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.write(report);
            write(body, "\r\n");
        }
        write(body, "--" + BOUNDARY + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(server.baseUrl().resolve(URI.create(path)))
                .header("Authorization", "Token " + SandboxClient.ADMIN_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
