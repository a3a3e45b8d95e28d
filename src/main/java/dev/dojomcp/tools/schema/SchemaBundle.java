package dev.dojomcp.tools.schema;

import dev.dojomcp.defectdojo.Json;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.type.TypeReference;

/**
 * Tool schemas generated at build time ({@code SchemaBundleWriter}, Maven phase process-classes)
 * and read at start-up, because generating them by reflection costs most of a second in a cold JVM.
 * Each entry carries a fingerprint of the records it came from; an entry whose records changed
 * since the build is ignored and the schema is generated again.
 */
public final class SchemaBundle {
    public static final String RESOURCE = "dojo-mcp/tool-schemas.json";
    private static volatile Map<String, Entry> entries;

    /** One tool's schemas and the fingerprint of the types they were generated from. */
    public record Entry(String fingerprint, Map<String, Object> input, Map<String, Object> output) {
    }

    private SchemaBundle() {
    }

    public static Optional<Entry> lookup(String tool, String fingerprint) {
        Entry e = load().get(tool);
        return e != null && e.fingerprint().equals(fingerprint) ? Optional.of(e) : Optional.empty();
    }

    private static Map<String, Entry> load() {
        Map<String, Entry> m = entries;
        if (m == null) {
            try (InputStream in = SchemaBundle.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                m = in == null ? Map.of()
                        : Json.mapper().readValue(in, new TypeReference<LinkedHashMap<String, Entry>>() { });
            } catch (IOException | RuntimeException e) {
                m = Map.of();
            }
            entries = m;
        }
        return m;
    }

    /** A digest of the record structure behind a tool's input and output types. */
    public static String fingerprint(Class<?> input, Type output, Type... outputArguments) {
        StringBuilder sb = new StringBuilder();
        describe(input, sb, 0);
        describe(output, sb, 0);
        for (Type t : outputArguments) {
            describe(t, sb, 0);
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An annotation's type and member values, formatted the same way in every JVM. */
    private static String annotation(java.lang.annotation.Annotation a) {
        StringBuilder sb = new StringBuilder("@").append(a.annotationType().getName()).append('(');
        Arrays.stream(a.annotationType().getDeclaredMethods())
                .sorted(java.util.Comparator.comparing(java.lang.reflect.Method::getName))
                .forEach(m -> {
                    try {
                        Object v = m.invoke(a);
                        sb.append(m.getName()).append('=')
                                .append(v != null && v.getClass().isArray() ? Arrays.deepToString(new Object[] {v}) : v)
                                .append(',');
                    } catch (ReflectiveOperationException e) {
                        sb.append(m.getName()).append("=?,");
                    }
                });
        return sb.append(')').toString();
    }

    private static void describe(Type type, StringBuilder sb, int depth) {
        sb.append(type.getTypeName()).append(';');
        if (depth > 4 || !(type instanceof Class<?> c)) {
            return;
        }
        if (c.isEnum()) {
            sb.append(Arrays.stream(c.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(",")));
        }
        if (!c.isRecord()) {
            return;
        }
        for (RecordComponent rc : c.getRecordComponents()) {
            sb.append(rc.getName()).append(':').append(rc.getGenericType().getTypeName());
            Arrays.stream(rc.getAnnotations()).map(SchemaBundle::annotation).sorted().forEach(sb::append);
            sb.append(';');
            describe(rc.getType(), sb, depth + 1);
            if (rc.getGenericType() instanceof java.lang.reflect.ParameterizedType p) {
                for (Type arg : p.getActualTypeArguments()) {
                    describe(arg, sb, depth + 1);
                }
            }
        }
    }
}
