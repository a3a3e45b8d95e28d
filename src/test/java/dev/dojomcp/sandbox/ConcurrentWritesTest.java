package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Reads and writes interleaved from many threads: no 500s, no lost creates, counts stay consistent. */
class ConcurrentWritesTest {

    @Test
    void concurrentCreatesAndListReads_loseNothingAndNeverFail() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 2000, 23),
                Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC))) {
            SandboxClient client = new SandboxClient(server);
            int test = client.json("/api/v2/tests/?limit=1").get("results").get(0).get("id").asInt();
            long before = client.count("");
            String body = "{\"test\": " + test + ", \"found_by\": [], \"title\": \"race\", \"severity\": \"Info\", "
                    + "\"numerical_severity\": \"S4\", \"description\": \"d\", \"active\": true, \"verified\": false}";
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    answers.add(pool.submit(() -> client.send("POST", "/api/v2/findings/", SandboxClient.ADMIN_KEY,
                            body).statusCode()));
                    answers.add(pool.submit(() -> {
                        HttpResponse<String> r = client.get("/api/v2/findings/?limit=50&o=-id&active=true");
                        return r.statusCode();
                    }));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isIn(200, 201);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(client.count("")).isEqualTo(before + 200);
            assertThat(client.count("title=race")).isEqualTo(200);
        }
    }
}
