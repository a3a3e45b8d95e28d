package dev.dojomcp.tools;

import dev.dojomcp.testing.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;

/**
 * What the fuzzer knows about one sandbox: real ids and names per collection (read once through the
 * REST API, so valid-ish arguments reach existing objects), the files of the IMPORT_DIR it made, and
 * report bodies that DefectDojo's parsers accept.
 */
final class FuzzContext {
    /** Which collection an id-like property points into, by the property name without {@code _id}/{@code _ids}. */
    private static final Map<String, String> COLLECTION_OF = Map.ofEntries(
            Map.entry("finding", "findings"), Map.entry("original", "findings"), Map.entry("test", "tests"),
            Map.entry("engagement", "engagements"), Map.entry("product", "products"),
            Map.entry("product_type", "product_types"), Map.entry("user", "users"), Map.entry("owner", "users"),
            Map.entry("lead", "users"), Map.entry("product_manager", "users"),
            Map.entry("technical_contact", "users"), Map.entry("group", "dojo_groups"),
            Map.entry("test_type", "test_types"), Map.entry("sla_configuration", "sla_configurations"),
            Map.entry("environment", "development_environments"), Map.entry("risk_acceptance", "risk_acceptance"),
            Map.entry("note", "notes"), Map.entry("role", "roles"));

    private static final List<String> COLLECTIONS = List.of("findings", "tests", "engagements", "products",
            "product_types", "users", "dojo_groups", "test_types", "sla_configurations", "development_environments",
            "risk_acceptance", "notes", "roles", "dojo_group_members");

    static final List<String> WORDS = List.of("sql", "injection", "cross", "site", "scripting", "stored", "reflected",
            "xss", "buffer", "overflow", "weak", "cipher", "tls", "outdated", "library", "jquery", "spring", "log4j",
            "missing", "header", "csrf", "token", "open", "redirect", "path", "traversal", "secret", "in", "repo",
            "admin", "panel", "exposed", "api", "rate", "limit", "deserialisation", "ssrf", "idor", "xxe");

    final Map<String, List<Long>> ids = new LinkedHashMap<>();
    final Map<String, List<String>> names = new LinkedHashMap<>();
    final List<String> scanTypes = new ArrayList<>();
    final List<String> emails = new ArrayList<>();
    /** Existing product type → product → engagement (→ test) name chains, keyed like the import arguments. */
    final List<Map<String, String>> paths = new ArrayList<>();
    final Path importDir;
    final long maxImportBytes;
    final List<String> importFiles = List.of("report.json", "findings.csv", "scan.sarif", "qai.json",
            "sub/nested.json", "link-in.json");
    final LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

    private FuzzContext(Path importDir, long maxImportBytes) {
        this.importDir = importDir;
        this.maxImportBytes = maxImportBytes;
    }

    static FuzzContext read(TestServers servers, Path importDir, long maxImportBytes) {
        FuzzContext c = new FuzzContext(importDir, maxImportBytes);
        for (String collection : COLLECTIONS) {
            c.harvest(servers, collection, collection + "/?limit=200");
        }
        // Findings in every state, so state rules and their happy paths are both reached.
        for (String state : List.of("is_mitigated=true", "duplicate=true", "risk_accepted=true", "false_p=true",
                "out_of_scope=true", "active=true&verified=false", "verified=true", "active=false")) {
            c.harvest(servers, "findings", "findings/?" + state + "&limit=40");
        }
        c.harvest(servers, "test_types", "test_types/?limit=1000");
        c.readPaths(servers);
        c.names.getOrDefault("test_types", List.of()).stream().limit(400).forEach(c.scanTypes::add);
        return c;
    }

    private void readPaths(TestServers servers) {
        Map<Long, String> typeNames = new java.util.HashMap<>();
        servers.rest("product_types/?limit=1000").path("results")
                .forEach(n -> typeNames.put(n.path("id").asLong(), n.path("name").asString()));
        Map<Long, String[]> products = new java.util.HashMap<>();
        servers.rest("products/?limit=1000").path("results").forEach(n -> products.put(n.path("id").asLong(),
                new String[] {n.path("name").asString(), typeNames.get(n.path("prod_type").asLong())}));
        Map<Long, Map<String, String>> engagements = new java.util.HashMap<>();
        for (JsonNode n : servers.rest("engagements/?limit=1000").path("results")) {
            String[] product = products.get(n.path("product").asLong());
            if (product == null || product[1] == null) {
                continue;
            }
            Map<String, String> path = new LinkedHashMap<>();
            path.put("product_type_name", product[1]);
            path.put("product_name", product[0]);
            path.put("engagement_name", n.path("name").asString());
            engagements.put(n.path("id").asLong(), path);
            paths.add(path);
        }
        for (JsonNode n : servers.rest("tests/?limit=1000").path("results")) {
            Map<String, String> engagement = engagements.get(n.path("engagement").asLong());
            if (engagement != null && n.path("title").isString()) {
                Map<String, String> path = new LinkedHashMap<>(engagement);
                path.put("test_title", n.path("title").asString());
                path.put("scan_type", n.path("scan_type").asString());
                paths.add(path);
            }
        }
    }

    private void harvest(TestServers servers, String collection, String query) {
        JsonNode page;
        try {
            page = servers.rest(query);
        } catch (AssertionError e) {
            return; // not routed on this DefectDojo version (groups and roles are 2.x only)
        }
        List<Long> list = ids.computeIfAbsent(collection, k -> new ArrayList<>());
        List<String> nameList = names.computeIfAbsent(collection, k -> new ArrayList<>());
        for (JsonNode n : page.path("results")) {
            long id = n.path("id").asLong();
            if (id > 0 && !list.contains(id)) {
                list.add(id);
            }
            String name = n.path("name").isString() ? n.path("name").asString()
                    : n.path("title").isString() ? n.path("title").asString() : null;
            if (name != null && !name.isBlank() && !nameList.contains(name)) {
                nameList.add(name);
            }
            if (n.path("email").isString() && !n.path("email").asString().isBlank()) {
                emails.add(n.path("email").asString());
            }
            for (JsonNode tag : n.path("tags")) {
                List<String> tags = names.computeIfAbsent("tags", k -> new ArrayList<>());
                if (tag.isString() && !tags.contains(tag.asString())) {
                    tags.add(tag.asString());
                }
            }
            if (n.path("username").isString()) {
                nameList.add(n.path("username").asString());
            }
        }
    }

    /** The collection an id-like property refers to, or null. */
    static String collectionOf(String property) {
        String base = property.replaceAll("_ids?$", "");
        return COLLECTION_OF.get(base);
    }

    static boolean idLike(String property) {
        return property.endsWith("_id") || property.endsWith("_ids") || property.equals("endpoint_to_add");
    }

    /** Mostly an existing id of the matching collection, sometimes a small or a missing one. */
    long id(String property, SplittableRandom rng) {
        List<Long> real = ids.getOrDefault(String.valueOf(collectionOf(property)), List.of());
        int roll = rng.nextInt(100);
        if (!real.isEmpty() && roll < 80) {
            return real.get(rng.nextInt(real.size()));
        }
        if (roll < 93) {
            return 1 + rng.nextInt(60);
        }
        return 900_000 + rng.nextInt(100_000);
    }

    String name(String collection, SplittableRandom rng) {
        List<String> list = names.getOrDefault(collection, List.of());
        return list.isEmpty() ? words(rng, 2) : list.get(rng.nextInt(list.size()));
    }

    static String words(SplittableRandom rng, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS.get(rng.nextInt(WORDS.size())));
        }
        return sb.toString();
    }

    /** A scanner report DefectDojo accepts: scan type, file name and body go together. */
    record Report(String scanType, String fileName, String content) {
        String base64() {
            return FuzzStrings.base64(content);
        }
    }

    Report scanReport(SplittableRandom rng) {
        String severity = List.of("Critical", "High", "Medium", "Low", "Info").get(rng.nextInt(5));
        String title = rng.nextInt(5) == 0 ? FuzzStrings.pick(rng, FuzzStrings.TEXT) : words(rng, 3);
        switch (rng.nextInt(4)) {
            case 0:
                return new Report("SARIF", "scan.sarif", sarif(title, rng));
            case 1:
                return new Report("Generic Findings Import", "findings.csv", "Date,Title,CweId,Severity,Description\n"
                        + today + "," + csv(title) + ",79," + severity + "," + csv(words(rng, 6)) + "\n");
            case 2:
                return new Report(scanTypes.isEmpty() ? "ZAP Scan" : scanTypes.get(rng.nextInt(scanTypes.size())),
                        "report.json", genericJson(title, severity, rng));
            default:
                return new Report("Generic Findings Import", "report.json", genericJson(title, severity, rng));
        }
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20 || Character.isSurrogate(ch) || ch > 0x7e) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

    private String genericJson(String title, String severity, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder("{\"findings\": [");
        int n = 1 + rng.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("{\"title\": ").append(json(i == 0 ? title : words(rng, 3))).append(", \"severity\": \"")
                    .append(severity).append("\", \"description\": ").append(json(words(rng, 8)))
                    .append(", \"date\": \"").append(today.minusDays(rng.nextInt(400))).append("\", \"cwe\": ")
                    .append(rng.nextInt(1000)).append('}');
        }
        return sb.append("]}").toString();
    }

    private static String sarif(String message, SplittableRandom rng) {
        return "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"Fuzzly\", \"rules\": "
                + "[{\"id\": \"R" + rng.nextInt(5) + "\"}]}}, \"results\": [{\"ruleId\": \"R1\", \"level\": \""
                + List.of("error", "warning", "note", "none").get(rng.nextInt(4)) + "\", \"message\": {\"text\": "
                + json(message) + "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
                + "\"app.py\"}, \"region\": {\"startLine\": " + (1 + rng.nextInt(500)) + "}}}]}]}]}";
    }

    /** A qai audit report (CLI JSON shape) with one or two findings. */
    String qaiReport(SplittableRandom rng) {
        String title = rng.nextInt(5) == 0 ? FuzzStrings.pick(rng, FuzzStrings.TEXT) : words(rng, 3);
        StringBuilder sb = new StringBuilder("{\"version\": \"0.6.0\", \"scan\": {\"server\": \"fuzz\"}, \"findings\": [");
        int n = 1 + rng.nextInt(2);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("{\"rule_id\": \"QAI-AUTH-00").append(1 + rng.nextInt(9)).append("\", \"category\": \"auth\", ")
                    .append("\"framework_ids\": {\"owasp_mcp_top10\": \"MCP07\", \"cwe\": [\"CWE-306\"]}, ")
                    .append("\"title\": ").append(json(i == 0 ? title : words(rng, 3))).append(", ")
                    .append("\"description\": ").append(json(words(rng, 6))).append(", \"severity\": \"")
                    .append(List.of("critical", "high", "medium", "low", "info").get(rng.nextInt(5)))
                    .append("\", \"evidence\": \"tools/list answered\", \"remediation\": \"Require auth\", ")
                    .append("\"tool_name\": \"\", \"metadata\": {}, \"timestamp\": \"2026-11-20T10:00:00Z\", ")
                    .append("\"mitigation\": null}");
        }
        return sb.append("]}").toString();
    }

    /** Fills IMPORT_DIR with readable reports, an empty and an oversized file and links in and out. */
    static void prepareImportDir(Path dir, long maxImportBytes) throws IOException {
        FuzzContext c = new FuzzContext(dir, maxImportBytes);
        SplittableRandom rng = new SplittableRandom(1);
        Files.writeString(dir.resolve("report.json"), c.genericJson("Fuzz file finding", "High", rng));
        Files.writeString(dir.resolve("findings.csv"), "Date,Title,Severity,Description\n2026-01-02,From a file,"
                + "Low,csv row\n");
        Files.writeString(dir.resolve("scan.sarif"), sarif("from a file", rng));
        Files.writeString(dir.resolve("qai.json"), c.qaiReport(rng));
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/nested.json"), c.genericJson("Nested", "Low", rng));
        Files.write(dir.resolve("empty.json"), new byte[0]);
        Files.write(dir.resolve("big.json"), new byte[(int) maxImportBytes + 1]);
        try {
            Files.createSymbolicLink(dir.resolve("link-out.json"), Path.of("/etc/passwd"));
            Files.createSymbolicLink(dir.resolve("link-in.json"), dir.resolve("report.json"));
        } catch (UnsupportedOperationException | IOException e) {
            Files.writeString(dir.resolve("link-in.json"), "{\"findings\": []}", StandardCharsets.UTF_8);
        }
    }

    List<String> allKnownNames() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        names.values().forEach(all::addAll);
        return new ArrayList<>(all);
    }
}
