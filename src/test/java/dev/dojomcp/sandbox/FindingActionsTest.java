package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The finding actions of §5.7. */
class FindingActionsTest {
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static SandboxServer server;
    static SandboxClient client;
    static int testId;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.generated(SandboxClient.ADMIN_KEY, 200, 13)
                .withReadOnlyApiKey(SandboxClient.READ_ONLY_KEY), Clock.fixed(NOW, ZoneOffset.UTC));
        client = new SandboxClient(server);
        testId = client.json("/api/v2/tests/?limit=1").get("results").get(0).get("id").asInt();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int createFinding(int test) throws Exception {
        ObjectNode body = Json.object();
        body.put("test", test);
        body.putArray("found_by");
        body.put("title", "XSS in search");
        body.put("severity", "Medium");
        body.put("numerical_severity", "S2");
        body.put("description", "Reflected.");
        body.put("active", true);
        body.put("verified", false);
        body.putArray("tags").add("web");
        HttpResponse<String> r = post("/api/v2/findings/", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return SandboxClient.parse(r).get("id").asInt();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return client.send("POST", path, SandboxClient.ADMIN_KEY, body);
    }

    static JsonNode finding(int id) throws Exception {
        return client.json("/api/v2/findings/" + id + "/");
    }

    @Test
    void close_setsInactiveAndMitigated() throws Exception {
        int id = createFinding(testId);
        HttpResponse<String> r = post("/api/v2/findings/" + id + "/close/",
                "{\"is_mitigated\": true, \"note\": \"fixed in 2.1\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = SandboxClient.parse(r);
        assertThat(body.get("is_mitigated").asBoolean()).isTrue();
        assertThat(body.get("mitigated").asString()).isEqualTo("2025-06-15T12:00:00.000000Z");
        assertThat(body.get("mitigated_by").asInt()).isEqualTo(1);
        assertThat(body.has("note")).isFalse();
        JsonNode f = finding(id);
        assertThat(f.get("active").asBoolean()).isFalse();
        assertThat(f.get("is_mitigated").asBoolean()).isTrue();
        assertThat(f.get("mitigated").asString()).isEqualTo("2025-06-15T12:00:00.000000Z");
        assertThat(f.get("notes").get(0).get("entry").asString()).isEqualTo("fixed in 2.1");
        assertThat(client.count("is_mitigated=true&id=" + id)).isEqualTo(1);
    }

    @Test
    void close_asFalsePositive_setsTheFlag() throws Exception {
        int id = createFinding(testId);
        post("/api/v2/findings/" + id + "/close/", "{\"is_mitigated\": false, \"false_p\": true}");
        JsonNode f = finding(id);
        assertThat(f.get("false_p").asBoolean()).isTrue();
        assertThat(f.get("is_mitigated").asBoolean()).isFalse();
        assertThat(f.get("mitigated").isNull()).isFalse(); // set even when is_mitigated is false
    }

    @Test
    void close_withoutIsMitigated_is500AsTheReferenceInfers() throws Exception {
        int id = createFinding(testId);
        assertThat(post("/api/v2/findings/" + id + "/close/", "{}").statusCode()).isEqualTo(500);
        assertThat(finding(id).get("active").asBoolean()).isTrue();
    }

    @Test
    void close_withMitigatedBy_is400() throws Exception {
        int id = createFinding(testId);
        HttpResponse<String> r = post("/api/v2/findings/" + id + "/close/",
                "{\"is_mitigated\": true, \"mitigated_by\": 1}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("mitigated_by").get(0).asString())
                .isEqualTo("Not allowed to set mitigated_by.");
    }

    @Test
    void verify_setsVerifiedAndReviewStamps_leavesActive() throws Exception {
        int id = createFinding(testId);
        HttpResponse<String> r = post("/api/v2/findings/" + id + "/verify/", "{}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode f = SandboxClient.parse(r);
        assertThat(f.get("verified").asBoolean()).isTrue();
        assertThat(f.get("active").asBoolean()).isTrue();
        assertThat(f.get("last_reviewed_by").asInt()).isEqualTo(1);
        assertThat(f.get("last_reviewed").asString()).isEqualTo("2025-06-15T12:00:00.000000Z");
    }

    @Test
    void notes_post_returns201PartialNoteWithoutId() throws Exception {
        int id = createFinding(testId);
        HttpResponse<String> r = post("/api/v2/findings/" + id + "/notes/", "{\"entry\": \"triaged\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode note = SandboxClient.parse(r);
        assertThat(note.has("id")).isFalse();
        assertThat(note.get("entry").asString()).isEqualTo("triaged");
        assertThat(note.get("private").asBoolean()).isFalse();
        assertThat(note.get("author").get("id").asInt()).isEqualTo(1);
        JsonNode listed = client.json("/api/v2/findings/" + id + "/notes/");
        assertThat(listed.get("notes").get(0).get("entry").asString()).isEqualTo("triaged");
        assertThat(listed.get("notes").get(0).get("id").asInt()).isPositive();
    }

    @Test
    void notes_withoutEntry_is400() throws Exception {
        int id = createFinding(testId);
        HttpResponse<String> r = post("/api/v2/findings/" + id + "/notes/", "{\"private\": true}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("entry").get(0).asString()).isEqualTo("This field is required.");
    }

    @Test
    void tags_addKeepsExisting_splitsCommas_lowerCases_answers200() throws Exception {
        int id = createFinding(testId);
        HttpResponse<String> r = post("/api/v2/findings/" + id + "/tags/", "{\"tags\": [\"PCI,Ext\"]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SandboxClient.parse(r).get("tags").toString()).isEqualTo("[\"ext\",\"pci\",\"web\"]");
        assertThat(client.json("/api/v2/findings/" + id + "/tags/").get("tags").size()).isEqualTo(3);
    }

    @Test
    void tags_withSpace_is400() throws Exception {
        int id = createFinding(testId);
        HttpResponse<String> r = post("/api/v2/findings/" + id + "/tags/", "{\"tags\": [\"needs review\"]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.parse(r).get("tags").get(0).asString())
                .isEqualTo("Tags should not contain spaces, commas, or quotes.");
    }

    @Test
    void tags_withQuote_is400() throws Exception {
        int id = createFinding(testId);
        assertThat(post("/api/v2/findings/" + id + "/tags/", "{\"tags\": [\"it's\"]}").statusCode()).isEqualTo(400);
    }

    @Test
    void removeTags_removesAndAnswers204() throws Exception {
        int id = createFinding(testId);
        post("/api/v2/findings/" + id + "/tags/", "{\"tags\": [\"pci\"]}");
        HttpResponse<String> r = client.send("PUT", "/api/v2/findings/" + id + "/remove_tags/",
                SandboxClient.ADMIN_KEY, "{\"tags\": [\"web\"]}");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(finding(id).get("tags").toString()).isEqualTo("[\"pci\"]");
    }

    @Test
    void removeTags_unknownTag_is400NamingIt() throws Exception {
        int id = createFinding(testId);
        HttpResponse<String> r = client.send("PATCH", "/api/v2/findings/" + id + "/remove_tags/",
                SandboxClient.ADMIN_KEY, "{\"tags\": [\"web\", \"nope\"]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("nope");
        assertThat(finding(id).get("tags").toString()).isEqualTo("[\"web\"]");
    }

    @Test
    void removeTags_emptyList_is400() throws Exception {
        int id = createFinding(testId);
        assertThat(client.send("PATCH", "/api/v2/findings/" + id + "/remove_tags/", SandboxClient.ADMIN_KEY,
                "{\"tags\": []}").statusCode()).isEqualTo(400);
    }

    @Test
    void removeTags_post_is405() throws Exception {
        int id = createFinding(testId);
        assertThat(post("/api/v2/findings/" + id + "/remove_tags/", "{\"tags\": [\"web\"]}").statusCode())
                .isEqualTo(405);
    }

    @Test
    void original_thenDuplicateReset_reactivates() throws Exception {
        int original = createFinding(testId);
        int copy = createFinding(testId);
        assertThat(post("/api/v2/findings/" + copy + "/original/" + original + "/", null).statusCode())
                .isEqualTo(204);
        JsonNode dup = finding(copy);
        assertThat(dup.get("duplicate").asBoolean()).isTrue();
        assertThat(dup.get("active").asBoolean()).isFalse();
        assertThat(dup.get("duplicate_finding").asInt()).isEqualTo(original);

        assertThat(post("/api/v2/findings/" + copy + "/duplicate/reset/", null).statusCode()).isEqualTo(204);
        JsonNode reset = finding(copy);
        assertThat(reset.get("duplicate").asBoolean()).isFalse();
        assertThat(reset.get("active").asBoolean()).isTrue();
        assertThat(reset.get("duplicate_finding").isNull()).isTrue();
    }

    @Test
    void original_movesTheWholeCluster() throws Exception {
        int a = createFinding(testId);
        int b = createFinding(testId);
        int c = createFinding(testId);
        post("/api/v2/findings/" + b + "/original/" + a + "/", null);
        post("/api/v2/findings/" + b + "/original/" + c + "/", null);
        assertThat(finding(a).get("duplicate_finding").asInt()).isEqualTo(c);
        assertThat(finding(b).get("duplicate_finding").asInt()).isEqualTo(c);
        assertThat(finding(c).get("duplicate").asBoolean()).isFalse();
    }

    @Test
    void duplicateReset_onNonDuplicate_is400() throws Exception {
        int id = createFinding(testId);
        assertThat(post("/api/v2/findings/" + id + "/duplicate/reset/", null).statusCode()).isEqualTo(400);
    }

    @Test
    void original_inAnotherProduct_is404() throws Exception {
        int id = createFinding(testId);
        int product = finding(id).get("related_fields").isNull()
                ? client.json("/api/v2/findings/" + id + "/?related_fields=true").get("related_fields")
                .get("test").get("engagement").get("product").get("id").asInt() : -1;
        JsonNode other = client.json("/api/v2/tests/?limit=1000").get("results");
        int otherTest = -1;
        for (JsonNode t : other) {
            int engagement = t.get("engagement").asInt();
            if (client.json("/api/v2/engagements/" + engagement + "/").get("product").asInt() != product) {
                otherTest = t.get("id").asInt();
                break;
            }
        }
        int foreign = createFinding(otherTest);
        assertThat(post("/api/v2/findings/" + id + "/original/" + foreign + "/", null).statusCode()).isEqualTo(404);
        assertThat(post("/api/v2/findings/" + id + "/original/99999999/", null).statusCode()).isEqualTo(404);
    }

    @Test
    void actions_onUnknownFinding_are404() throws Exception {
        assertThat(post("/api/v2/findings/99999999/close/", "{\"is_mitigated\": true}").statusCode()).isEqualTo(404);
    }

    @Test
    void actions_withReadOnlyKey_are403() throws Exception {
        int id = createFinding(testId);
        assertThat(client.send("POST", "/api/v2/findings/" + id + "/verify/", SandboxClient.READ_ONLY_KEY, "{}")
                .statusCode()).isEqualTo(403);
    }
}
