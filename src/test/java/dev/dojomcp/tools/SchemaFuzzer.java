package dev.dojomcp.tools;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Arguments for one tool call, derived from the tool's JSON input schema alone (types, enums,
 * bounds, formats, patterns, required), so new tools are fuzzed without changes here. Property
 * names only steer valid-ish values towards real data: {@code *_id} to existing ids, {@code *_base64}
 * to a parseable report, {@code file_path} to a file in IMPORT_DIR.
 *
 * <p>Three kinds of case: valid (schema-valid-ish values only), mutated (valid, then one or two
 * properties get a boundary, hostile, wrong-typed or null value, a required one goes missing or an
 * unknown one appears) and chaos (every property may be anything).
 */
final class SchemaFuzzer {
    enum Kind { VALID, MUTATED, CHAOS }

    record Case(String tool, long index, Kind kind, Map<String, Object> args, List<String> mutations) {
    }

    private static final List<String> EXTRA_NAMES = List.of("token", "__proto__", "constructor", "", "unknown_field",
            "api_key", "Authorization", "$ref", "_meta", "LIMIT", "limit\u0000", "\u202eevil", "finding_id ",
            "x".repeat(300), "../../etc/passwd", "{{7*7}}");
    private static final List<String> MULTILINE = List.of("description", "mitigation", "impact", "references",
            "steps_to_reproduce", "severity_justification", "entry", "note", "reason");
    private static final List<String> ORDER_WORDS = List.of("id", "-id", "title", "-date", "severity", "name",
            "-created", "severity,-date", "numerical_severity", "-sla_expiration_date,title");
    private static final List<String> FILE_NAMES = List.of("../../x.json", "x.json\u0000.txt", "report.JSON",
            "a/b.json", "a\\b.json", ".json", "report", "report.exe", "r\u00e9port.json", "report.json\n",
            "x".repeat(300) + ".json", "report.json ", "con.json", "report.sarif.exe");

    private final Map<String, Object> root;
    private final FuzzContext ctx;
    private final SplittableRandom rng;
    private final boolean scanTool;
    private final FuzzContext.Report report;
    private final String qaiReport;

    private SchemaFuzzer(Map<String, Object> root, FuzzContext ctx, SplittableRandom rng) {
        this.root = root;
        this.ctx = ctx;
        this.rng = rng;
        this.scanTool = properties(root).containsKey("scan_type");
        this.report = ctx.scanReport(rng);
        this.qaiReport = ctx.qaiReport(rng);
    }

    static Case generate(String tool, long index, Map<String, Object> inputSchema, FuzzContext ctx,
            SplittableRandom rng) {
        return new SchemaFuzzer(inputSchema, ctx, rng).generate(tool, index);
    }

    /** Valid-ish arguments only, with the cross-property rules applied: the start of a targeted check. */
    static Map<String, Object> validArgs(Map<String, Object> inputSchema, FuzzContext ctx, SplittableRandom rng) {
        SchemaFuzzer f = new SchemaFuzzer(inputSchema, ctx, rng);
        Map<String, Object> args = new LinkedHashMap<>();
        List<String> required = required(inputSchema);
        properties(inputSchema).forEach((name, schema) -> {
            if (required.contains(name) || rng.nextDouble() < 0.3) {
                args.put(name, f.valid(name, schema));
            }
        });
        f.coherent(args, properties(inputSchema));
        return args;
    }

    /** A boundary value for one property of the schema (for targeted sweeps). */
    static Object boundaryOf(Map<String, Object> inputSchema, String property, FuzzContext ctx, SplittableRandom rng) {
        return new SchemaFuzzer(inputSchema, ctx, rng).boundary(property, properties(inputSchema).get(property));
    }

    private Case generate(String tool, long index) {
        int roll = rng.nextInt(100);
        Kind kind = roll < 25 ? Kind.VALID : roll < 87 ? Kind.MUTATED : Kind.CHAOS;
        Map<String, Map<String, Object>> props = properties(root);
        List<String> required = required(root);
        Map<String, Object> args = new LinkedHashMap<>();
        List<String> mutations = new ArrayList<>();
        double optional = kind == Kind.CHAOS ? 0.5 : 0.3;
        props.forEach((name, schema) -> {
            if (required.contains(name) || rng.nextDouble() < optional) {
                args.put(name, valid(name, schema));
            }
        });
        if (kind != Kind.CHAOS && rng.nextInt(100) < 85) {
            coherent(args, props);
        }
        if (kind == Kind.MUTATED) {
            int n = rng.nextInt(10) < 7 ? 1 : 2;
            for (int i = 0; i < n; i++) {
                mutate(args, props, required, mutations);
            }
        } else if (kind == Kind.CHAOS) {
            for (String name : new ArrayList<>(args.keySet())) {
                int r = rng.nextInt(10);
                if (r < 3) {
                    args.put(name, boundary(name, props.get(name)));
                    mutations.add("boundary:" + name);
                } else if (r < 6) {
                    args.put(name, hostile(name, props.get(name)));
                    mutations.add("hostile:" + name);
                }
            }
            if (!required.isEmpty() && rng.nextInt(5) == 0) {
                String name = required.get(rng.nextInt(required.size()));
                args.remove(name);
                mutations.add("missing:" + name);
            }
            if (rng.nextInt(5) == 0) {
                String name = extraName();
                args.put(name, anyValue());
                mutations.add("extra:" + printable(name));
            }
        }
        return new Case(tool, index, kind, args, mutations);
    }

    /**
     * Rules across properties that schemas cannot state, guessed from names alone: a report is given
     * as {@code *_base64} (with {@code file_name}) or as {@code file_path}; an object is named by its
     * {@code X_id} or by names ({@code X_name}/{@code X_title} and the other names of the hierarchy);
     * {@code *start*} comes before {@code *end*} and {@code *_min} is at most {@code *_max}.
     */
    private void coherent(Map<String, Object> args, Map<String, Map<String, Object>> props) {
        String base64 = props.keySet().stream().filter(n -> n.endsWith("_base64")).findFirst().orElse(null);
        if (base64 != null && props.containsKey("file_path")) {
            if (rng.nextInt(10) < 7) {
                args.put(base64, valid(base64, props.get(base64)));
                args.remove("file_path");
                if (props.containsKey("file_name")) {
                    args.put("file_name", valid("file_name", props.get("file_name")));
                }
            } else {
                args.put("file_path", valid("file_path", props.get("file_path")));
                args.remove(base64);
                if (rng.nextBoolean()) {
                    args.remove("file_name");
                }
            }
        }
        for (String idName : props.keySet()) {
            if (!idName.endsWith("_id")) {
                continue;
            }
            String base = idName.substring(0, idName.length() - 3);
            String byName = props.containsKey(base + "_name") ? base + "_name"
                    : props.containsKey(base + "_title") ? base + "_title" : null;
            if (byName == null) {
                continue;
            }
            List<String> names = props.keySet().stream().filter(n -> n.equals(byName)
                    || (n.endsWith("_name") || n.endsWith("_title"))
                    && FuzzContext.collectionOf(n.replaceAll("_(name|title)$", "_id")) != null).toList();
            if (rng.nextBoolean()) {
                args.put(idName, valid(idName, props.get(idName)));
                names.forEach(args::remove);
            } else {
                args.remove(idName);
                names.forEach(n -> args.put(n, valid(n, props.get(n))));
                if (!ctx.paths.isEmpty() && rng.nextBoolean()) {
                    // Names of objects that exist and belong together.
                    Map<String, String> path = ctx.paths.get(rng.nextInt(ctx.paths.size()));
                    names.forEach(n -> {
                        if (path.containsKey(n)) {
                            args.put(n, path.get(n));
                        }
                    });
                    if (path.containsKey("scan_type") && args.containsKey("scan_type") && rng.nextBoolean()) {
                        args.put("scan_type", path.get("scan_type"));
                    }
                } else if (props.containsKey("auto_create_context") && rng.nextInt(5) > 0) {
                    // New names to create, under an existing or a new product type.
                    args.put("auto_create_context", true);
                    if (names.contains("product_name")) {
                        args.put("product_name", "Fuzz product " + rng.nextInt(500));
                    }
                }
            }
        }
        order(args, props, n -> n.contains("start"), n -> n.contains("end") && !n.contains("endpoint"));
        order(args, props, n -> n.endsWith("_min"), n -> n.endsWith("_max"));
        order(args, props, n -> n.endsWith("_after"), n -> n.endsWith("_before"));
    }

    @SuppressWarnings("unchecked")
    private static void order(Map<String, Object> args, Map<String, Map<String, Object>> props,
            java.util.function.Predicate<String> low, java.util.function.Predicate<String> high) {
        String lo = props.keySet().stream().filter(low).findFirst().orElse(null);
        String hi = props.keySet().stream().filter(high).findFirst().orElse(null);
        if (lo == null || hi == null || !args.containsKey(lo) || !args.containsKey(hi)) {
            return;
        }
        Object a = args.get(lo);
        Object b = args.get(hi);
        if (a instanceof Comparable && b != null && a.getClass() == b.getClass()
                && ((Comparable<Object>) a).compareTo(b) > 0) {
            args.put(lo, b);
            args.put(hi, a);
        }
    }

    private void mutate(Map<String, Object> args, Map<String, Map<String, Object>> props, List<String> required,
            List<String> mutations) {
        int op = rng.nextInt(100);
        if (props.isEmpty()) {
            op = 90;
        }
        List<String> names = new ArrayList<>(props.keySet());
        String name = names.isEmpty() ? null : names.get(rng.nextInt(names.size()));
        if (op < 35) {
            args.put(name, boundary(name, props.get(name)));
            mutations.add("boundary:" + name);
        } else if (op < 70) {
            args.put(name, hostile(name, props.get(name)));
            mutations.add("hostile:" + name);
        } else if (op < 80) {
            args.put(name, wrongType(props.get(name)));
            mutations.add("wrong-type:" + name);
        } else if (op < 86 && !required.isEmpty()) {
            String gone = required.get(rng.nextInt(required.size()));
            args.remove(gone);
            mutations.add("missing:" + gone);
        } else if (op < 94) {
            String extra = extraName();
            args.put(extra, anyValue());
            mutations.add("extra:" + printable(extra));
        } else {
            args.put(name, null);
            mutations.add("null:" + name);
        }
    }

    // ---- schema access ----

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        Object p = schema.get("properties");
        return p instanceof Map ? (Map<String, Map<String, Object>>) p : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<String> required(Map<String, Object> schema) {
        Object r = schema.get("required");
        return r instanceof List ? (List<String>) r : List.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema == null) {
            return Map.of();
        }
        Object ref = schema.get("$ref");
        if (ref instanceof String r && r.startsWith("#/")) {
            Object node = root;
            for (String part : r.substring(2).split("/")) {
                node = node instanceof Map ? ((Map<String, Object>) node).get(part) : null;
            }
            return node instanceof Map ? resolve((Map<String, Object>) node) : Map.of();
        }
        return schema;
    }

    private static String type(Map<String, Object> s) {
        Object t = s.get("type");
        if (t instanceof List<?> list) {
            return list.stream().map(String::valueOf).filter(x -> !x.equals("null")).findFirst().orElse("null");
        }
        if (t == null && s.containsKey("enum")) {
            return "string";
        }
        return t == null ? "any" : String.valueOf(t);
    }

    private static Double number(Map<String, Object> s, String key) {
        Object v = s.get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static int integer(Map<String, Object> s, String key, int fallback) {
        Object v = s.get(key);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    // ---- valid-ish values ----

    Object valid(String name, Map<String, Object> raw) {
        Map<String, Object> s = resolve(raw);
        if (s.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(rng.nextInt(values.size()));
        }
        if (s.containsKey("const")) {
            return s.get("const");
        }
        switch (type(s)) {
            case "integer":
                return validInteger(name, s);
            case "number":
                return validNumber(s);
            case "boolean":
                return rng.nextBoolean();
            case "string":
                return validString(name, s);
            case "array":
                return validArray(name, s);
            case "object":
                return validObject(s);
            default:
                return FuzzContext.words(rng, 1);
        }
    }

    private Object validInteger(String name, Map<String, Object> s) {
        Double minD = number(s, "minimum");
        Double maxD = number(s, "maximum");
        long min = minD == null ? Long.MIN_VALUE : (long) Math.ceil(minD);
        long max = maxD == null ? Long.MAX_VALUE : (long) Math.floor(maxD);
        long value;
        if (FuzzContext.idLike(name)) {
            value = ctx.id(name, rng);
        } else {
            long floor = minD == null ? 0 : min;
            int roll = rng.nextInt(100);
            if (roll < 50) {
                value = floor + rng.nextInt(20);
            } else if (roll < 70) {
                value = floor;
            } else if (roll < 85) {
                value = maxD == null ? floor + 1000 : max;
            } else {
                value = floor + rng.nextLong(Math.max(1, Math.min(100_000, max - floor) + 1));
            }
        }
        value = Math.max(min, Math.min(max, value));
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
    }

    private Object validNumber(Map<String, Object> s) {
        double min = number(s, "minimum") == null ? 0 : number(s, "minimum");
        double max = number(s, "maximum") == null ? 1000 : number(s, "maximum");
        int roll = rng.nextInt(10);
        if (roll < 2) {
            return min;
        }
        if (roll < 4) {
            return max;
        }
        if (roll < 5) {
            return (int) Math.ceil(min);
        }
        return Math.round((min + rng.nextDouble() * (max - min)) * 1000) / 1000.0;
    }

    private String validString(String name, Map<String, Object> s) {
        String format = (String) s.get("format");
        int maxLength = integer(s, "maxLength", Integer.MAX_VALUE);
        int minLength = integer(s, "minLength", 0);
        String value = null;
        if ("date".equals(format)) {
            int roll = rng.nextInt(10);
            int days = roll < 4 ? rng.nextInt(1, 60) : roll < 7 ? -rng.nextInt(400) : rng.nextInt(-900, 400);
            return ctx.today.plusDays(days).toString();
        }
        if ("date-time".equals(format)) {
            return ctx.today.atStartOfDay().plusMinutes(rng.nextInt(100_000)) + ":00Z";
        }
        if (s.get("pattern") instanceof String pattern) {
            value = PatternSampler.sample(pattern, rng);
        }
        if (value == null) {
            value = semanticString(name);
        }
        if (value.length() > maxLength) {
            value = value.substring(0, maxLength).strip();
        }
        while (value.length() < minLength) {
            value = value + "x";
        }
        return value.isEmpty() && minLength == 0 ? "x" : value;
    }

    private String semanticString(String name) {
        if (name.endsWith("base64")) {
            return scanTool ? report.base64() : FuzzStrings.base64(qaiReport);
        }
        if (name.contains("vulnerability")) {
            return "CVE-20" + (10 + rng.nextInt(17)) + "-" + (1000 + rng.nextInt(90000));
        }
        switch (name) {
            case "file_name":
                return scanTool ? report.fileName() : "qai.json";
            case "file_path": {
                String f = !scanTool && rng.nextInt(4) > 0 ? "qai.json"
                        : ctx.importFiles.get(rng.nextInt(ctx.importFiles.size()));
                return rng.nextInt(4) == 0 ? ctx.importDir.resolve(f).toString() : f;
            }
            case "scan_type":
                return rng.nextInt(5) > 0 || ctx.scanTypes.isEmpty() ? report.scanType()
                        : ctx.scanTypes.get(rng.nextInt(ctx.scanTypes.size()));
            case "email":
                return ctx.emails.isEmpty() || rng.nextBoolean() ? "fuzz" + rng.nextInt(100) + "@example.com"
                        : ctx.emails.get(rng.nextInt(ctx.emails.size()));
            case "username":
                return ctx.name("users", rng);
            case "product_name":
                return rng.nextBoolean() ? ctx.name("products", rng) : "Fuzz product " + rng.nextInt(50);
            case "product_type_name":
                return rng.nextBoolean() ? ctx.name("product_types", rng) : "Fuzz type " + rng.nextInt(10);
            case "engagement_name":
                return rng.nextBoolean() ? ctx.name("engagements", rng) : "Fuzz engagement " + rng.nextInt(50);
            case "test_type_name":
                return ctx.name("test_types", rng);
            case "test_title":
                return rng.nextBoolean() ? ctx.name("tests", rng) : "Fuzz test " + rng.nextInt(20);
            case "environment":
                return ctx.name("development_environments", rng);
            case "commit_hash":
                return Long.toHexString(rng.nextLong()) + Long.toHexString(rng.nextLong());
            case "version":
                return rng.nextInt(10) + "." + rng.nextInt(20) + "." + rng.nextInt(100);
            case "order_by":
                return ORDER_WORDS.get(rng.nextInt(ORDER_WORDS.size()));
            case "source_code_management_uri":
                return "https://git.example.com/team/repo-" + rng.nextInt(10);
            case "name":
            case "title":
                return rng.nextInt(3) == 0 ? pickKnownName() : FuzzContext.words(rng, 1 + rng.nextInt(4));
            default:
                if (MULTILINE.contains(name)) {
                    return FuzzContext.words(rng, 3 + rng.nextInt(8)) + (rng.nextBoolean() ? "\n"
                            + FuzzContext.words(rng, 5) : "");
                }
                return FuzzContext.words(rng, 1 + rng.nextInt(3));
        }
    }

    private String pickKnownName() {
        List<String> all = ctx.allKnownNames();
        return all.isEmpty() ? "x" : all.get(rng.nextInt(all.size()));
    }

    private List<Object> validArray(String name, Map<String, Object> s) {
        @SuppressWarnings("unchecked")
        Map<String, Object> items = resolve((Map<String, Object>) s.get("items"));
        int min = integer(s, "minItems", 0);
        int max = Math.min(integer(s, "maxItems", 5), min + 4);
        int n = min + rng.nextInt(Math.max(1, max - min + 1));
        boolean unique = Boolean.TRUE.equals(s.get("uniqueItems"));
        String itemName = name.endsWith("_ids") ? name.substring(0, name.length() - 1) : name;
        List<Object> out = new ArrayList<>();
        for (int tries = 0; out.size() < n && tries < n * 10; tries++) {
            Object v = name.contains("tag") && "string".equals(type(items)) ? validTag() : valid(itemName, items);
            if (!unique || !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private String validTag() {
        List<String> known = ctx.names.getOrDefault("tags", List.of());
        if (!known.isEmpty() && rng.nextInt(3) == 0) {
            return known.get(rng.nextInt(known.size()));
        }
        String word = FuzzContext.WORDS.get(rng.nextInt(FuzzContext.WORDS.size()));
        return switch (rng.nextInt(4)) {
            case 0 -> "team:" + word;
            case 1 -> word + "-" + rng.nextInt(100);
            default -> word;
        };
    }

    private Map<String, Object> validObject(Map<String, Object> s) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> required = required(s);
        properties(s).forEach((k, v) -> {
            if (required.contains(k) || rng.nextBoolean()) {
                out.put(k, valid(k, v));
            }
        });
        return out;
    }

    // ---- boundary values ----

    Object boundary(String name, Map<String, Object> raw) {
        Map<String, Object> s = resolve(raw);
        String type = type(s);
        List<Object> c = new ArrayList<>();
        c.add(null);
        if (s.get("enum") instanceof List<?> values && !values.isEmpty()) {
            String v = String.valueOf(values.get(rng.nextInt(values.size())));
            c.addAll(List.of(v.toLowerCase(Locale.ROOT), v.toUpperCase(Locale.ROOT), v + " ", " " + v, "", "none",
                    v.replace(' ', '_'), v + "\u200b"));
            return c.get(rng.nextInt(c.size()));
        }
        switch (type) {
            case "integer":
            case "number": {
                Double min = number(s, "minimum");
                Double max = number(s, "maximum");
                if (min != null) {
                    c.addAll(List.of(asNumber(min - 1), asNumber(min)));
                }
                if (max != null) {
                    c.addAll(List.of(asNumber(max), asNumber(max + 1)));
                }
                c.addAll(List.of(0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 2147483648L, Integer.MAX_VALUE,
                        new BigInteger("1000000000000000000000000000000"), new BigDecimal("1e400"), 1.5, -0.0,
                        1e308, "12"));
                break;
            }
            case "string": {
                int maxLength = integer(s, "maxLength", 0);
                c.addAll(List.of("", " ", "A".repeat(10_000), FuzzStrings.ofLength("\ud83d\ude00", 10_000)));
                if (maxLength > 0) {
                    c.addAll(List.of(FuzzStrings.ofLength("a", maxLength), FuzzStrings.ofLength("a", maxLength + 1),
                            // maxLength code points, but twice as many Java chars
                            "\ud83d\ude00".repeat(maxLength), " " + FuzzStrings.ofLength("b", maxLength) + " "));
                }
                if ("date".equals(s.get("format"))) {
                    for (int i = 0; i < 6; i++) {
                        c.add(FuzzStrings.pick(rng, FuzzStrings.DATES));
                    }
                }
                if (name.equals("file_path")) {
                    c.addAll(List.of("empty.json", "big.json", "sub", "missing.json"));
                }
                break;
            }
            case "array": {
                @SuppressWarnings("unchecked")
                Map<String, Object> items = resolve((Map<String, Object>) s.get("items"));
                int maxItems = integer(s, "maxItems", 100);
                String itemName = name.endsWith("_ids") ? name.substring(0, name.length() - 1) : name;
                List<Object> many = new ArrayList<>();
                for (int i = 0; i <= maxItems; i++) {
                    many.add(name.contains("tag") ? validTag() + i : valid(itemName, items));
                }
                Object one = valid(itemName, items);
                List<Object> withNull = new ArrayList<>();
                withNull.add(null);
                c.addAll(List.of(List.of(), many, List.of(one, one), withNull, List.of(List.of(one)),
                        List.of(Map.of()), one));
                if (maxItems != 100) {
                    List<Object> hundredOne = new ArrayList<>();
                    for (int i = 0; i < 101; i++) {
                        hundredOne.add(valid(itemName, items));
                    }
                    c.add(hundredOne);
                }
                break;
            }
            case "boolean":
                c.addAll(List.of("true", "false", 1, 0, "yes", ""));
                break;
            default:
                c.addAll(List.of(Map.of(), nested(60)));
        }
        return c.get(rng.nextInt(c.size()));
    }

    private static Object asNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 9e15) {
            long l = (long) d;
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
        }
        return d;
    }

    private static Object nested(int depth) {
        Object v = "deep";
        for (int i = 0; i < depth; i++) {
            v = i % 2 == 0 ? List.of(v) : Map.of("k", v);
        }
        return v;
    }

    Object wrongType(Map<String, Object> raw) {
        Map<String, Object> s = resolve(raw);
        List<Object> c = switch (type(s)) {
            case "integer", "number" -> List.of("abc", "12", Map.of("a", 1), List.of(1), true, "");
            case "string" -> List.of(12, Map.of("a", "b"), List.of(List.of("x")), true, 1.5, List.of("x"));
            case "array" -> List.of("x", 5, Map.of("0", "x"), List.of(List.of(List.of())), true, "a,b");
            case "boolean" -> List.of("false", List.of(), Map.of(), 2, "no");
            default -> List.of("x", 1, List.of(), false);
        };
        return c.get(rng.nextInt(c.size()));
    }

    // ---- hostile values ----

    Object hostile(String name, Map<String, Object> raw) {
        Map<String, Object> s = resolve(raw);
        switch (type(s)) {
            case "array": {
                @SuppressWarnings("unchecked")
                Map<String, Object> items = resolve((Map<String, Object>) s.get("items"));
                List<Object> out = new ArrayList<>();
                int n = 1 + rng.nextInt(3);
                for (int i = 0; i < n; i++) {
                    out.add(name.contains("tag") && rng.nextBoolean() ? FuzzStrings.pick(rng, FuzzStrings.TAGS)
                            : hostile(name.endsWith("_ids") ? name.substring(0, name.length() - 1) : name, items));
                }
                return out;
            }
            case "integer":
            case "number":
                return FuzzStrings.pick(rng, List.of("1 OR 1=1", "0x10", "1e3", "\uff11\uff12", "42", " 7", "7 ", "-0",
                        FuzzStrings.INJECTION, "1;2", "1,2", "9223372036854775808", "NaN", "Infinity", "1.0"));
            case "boolean":
                return FuzzStrings.pick(rng, List.of("true", "yes", "on", FuzzStrings.INJECTION, "TRUE", "1"));
            case "string":
                return hostileString(name, s);
            default:
                return FuzzStrings.pick(rng, FuzzStrings.TEXT);
        }
    }

    private String hostileString(String name, Map<String, Object> s) {
        if (name.equals("file_path")) {
            return FuzzStrings.pick(rng, FuzzStrings.PATHS);
        }
        if (name.endsWith("base64")) {
            return FuzzStrings.hostileReportBase64(rng, ctx.maxImportBytes);
        }
        if (name.equals("file_name")) {
            return FuzzStrings.pick(rng, FILE_NAMES);
        }
        if (name.contains("tag") && rng.nextBoolean()) {
            return FuzzStrings.pick(rng, FuzzStrings.TAGS);
        }
        if ("date".equals(s.get("format")) && rng.nextBoolean()) {
            return FuzzStrings.pick(rng, FuzzStrings.DATES);
        }
        int roll = rng.nextInt(100);
        if (roll < 65) {
            return FuzzStrings.pick(rng, FuzzStrings.TEXT);
        }
        if (roll < 80) {
            return FuzzContext.words(rng, 2) + " " + FuzzStrings.pick(rng, FuzzStrings.TEXT) + " "
                    + FuzzContext.words(rng, 1);
        }
        if (roll < 90) {
            StringBuilder sb = new StringBuilder();
            String[] units = {"\ud83d\ude00", "\u4e2d\u6587", "\u0645\u0631\u062d\u0628\u0627", "e\u0301",
                "\u1f00\u0345", "\ud834\udd1e", "\u0130"};
            while (sb.length() < 20_000) {
                sb.append(units[rng.nextInt(units.length)]);
            }
            return sb.toString();
        }
        // A valid value with a hostile tail, so length and charset checks are what must catch it.
        return validString(name, s) + FuzzStrings.pick(rng, List.of("\n", "\u0000", "\u2028", "\u202e", "\u001b[0m",
                "\ud800", ",", "'", "\"", "&x=1", "%00", "\u0085"));
    }

    private String extraName() {
        return EXTRA_NAMES.get(rng.nextInt(EXTRA_NAMES.size()));
    }

    private Object anyValue() {
        return switch (rng.nextInt(6)) {
            case 0 -> rng.nextInt(1000);
            case 1 -> FuzzStrings.pick(rng, FuzzStrings.TEXT);
            case 2 -> List.of(1, "x");
            case 3 -> Map.of("nested", FuzzStrings.INJECTION);
            case 4 -> true;
            default -> FuzzStrings.pick(rng, List.of("x", "secret"));
        };
    }

    private static final int LIMIT = 200;

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(LIMIT).forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE || c == 0x2028 || c == 0x2029) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return s.codePointCount(0, s.length()) > LIMIT ? sb + "…(" + s.length() + " chars)" : sb.toString();
    }
}
