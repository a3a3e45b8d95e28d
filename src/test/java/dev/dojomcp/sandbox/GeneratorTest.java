package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GeneratorTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    private static String dump(long seed) throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 1500, seed), CLOCK)) {
            SandboxClient client = new SandboxClient(server);
            StringBuilder all = new StringBuilder();
            for (String path : new String[] {"findings/?limit=1500", "products/", "engagements/?limit=500",
                    "tests/?limit=2000", "users/", "notes/", "test_types/?limit=100"}) {
                all.append(client.get("/api/v2/" + path).body().replace(server.baseUrl().toString(), ""));
            }
            return all.toString();
        }
    }

    @Test
    void generator_sameSeed_sameOutput() throws Exception {
        assertThat(dump(11)).isEqualTo(dump(11));
    }

    @Test
    void generator_differentSeed_differentOutput() throws Exception {
        assertThat(dump(11)).isNotEqualTo(dump(12));
    }

    @Test
    void generator_duplicatesPointToAnOriginalInTheSameProduct() throws Exception {
        SandboxStore store = new Generator(5, 5000, CLOCK.instant()).generate();
        long duplicates = 0;
        for (FindingRecord f : store.findingsById()) {
            if (f.is(FindingRecord.DUPLICATE)) {
                duplicates++;
                FindingRecord original = store.finding(f.duplicateFinding);
                assertThat(original).isNotNull();
                assertThat(original.is(FindingRecord.DUPLICATE)).isFalse();
                assertThat(store.productOfTest(original.test)).isEqualTo(store.productOfTest(f.test));
                assertThat(f.is(FindingRecord.ACTIVE)).isFalse();
            }
            if (f.is(FindingRecord.IS_MITIGATED)) {
                assertThat(f.is(FindingRecord.ACTIVE)).isFalse();
                assertThat(f.mitigated).isNotEqualTo(FindingRecord.NO_TIME);
            }
        }
        assertThat(duplicates).isBetween(200L, 500L);
    }

    @Test
    void generator_scales_200kFindingsAnswerFilteredCounts() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 200_000, 42), CLOCK)) {
            SandboxClient client = new SandboxClient(server);
            assertThat(client.count("")).isEqualTo(200_000);
            long open = client.count("active=true&severity=Critical,High");
            assertThat(open).isPositive().isLessThan(200_000);
            JsonNode products = client.json("/api/v2/products/?limit=1");
            assertThat(products.get("count").asInt()).isEqualTo(200) /* max(3, N/800) capped at 200 */;
        }
    }
}
